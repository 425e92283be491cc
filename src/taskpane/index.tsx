/**
 * Task pane bootstrap — the only file of the pane that touches Office. It follows the one start-up policy of
 * officeReady.ts: Excel when Office.js says Excel; file mode at once when office.js fails or this is a plain browser;
 * in Office, a wait that offers 重新加载 and 改用文件模式 when Excel is slow; and in file mode an offer to switch when
 * Excel answers later — never a switch of its own, so a file chosen and checked is never thrown away. A ribbon
 * command's result that no dialog could show is shown here (commands/lastResult.ts). In a webview too old for this
 * bundle, src/bootstrap/supportCheck.js (ES5) has shown its message.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../adapters/excel/excelHost";
import { KeptResult, LAST_RESULT_KEY, takeForPane } from "../commands/lastResult";
import { App } from "./components/App";
import { createFileHost } from "./fileHost";
import { spawnCheckWorker } from "./spawnCheckWorker";
import { BootNote, browserOfficeEnv, StartControls, StartState, startPane } from "./officeReady";
import { StartBanners, Waiting } from "./startUp";
import type { Notice } from "./state";
import { T } from "./strings";
import type { Host } from "../app/host";

const NOTES: Record<Exclude<BootNote, null>, Notice> = {
  blocked: { intent: "warning", text: T.officeBlocked },
  slow: { intent: "info", text: T.officeSlow },
};

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function main(): void {
  if ((window as { __zipingUnsupported?: boolean }).__zipingUnsupported) return;
  const container = document.getElementById("container")!;
  const root = createRoot(container);
  const hosts: Partial<Record<"excel" | "file", Host>> = {};
  // each host made once: re-rendering the same App (same key, same host) keeps everything the user did in it
  const hostFor = (kind: "excel" | "file"): Host =>
    (hosts[kind] ??= kind === "excel" ? createExcelHost() : createFileHost({ startWorker: spawnCheckWorker })); // file mode checks in a Web Worker
  let state: StartState | null = null;
  let kept: KeptResult | null = takeForPane(storage());
  let controls: StartControls | null = null;

  const paint = () => {
    if (!state) return;
    document.documentElement.dataset.host = state.kind === "waiting" ? "waiting" : state.host;
    if (state.kind === "waiting") {
      root.render(
        <FluentProvider theme={webLightTheme}>
          <Waiting long onReload={() => window.location.reload()} onFileMode={() => controls?.useFileMode()} />
        </FluentProvider>,
      );
      return;
    }
    root.render(
      <FluentProvider theme={webLightTheme}>
        <StartBanners
          excelReady={state.excelReady}
          onSwitch={() => controls?.useExcel()}
          kept={kept}
          onDismiss={() => {
            kept = null;
            paint();
          }}
        />
        <App key={state.host} host={hostFor(state.host)} bootNote={state.note ? NOTES[state.note] : null} />
      </FluentProvider>,
    );
  };

  controls = startPane(browserOfficeEnv(), (next) => {
    state = next;
    paint();
  });
  // a ribbon command that could not open its dialog while the pane is open (another runtime of this origin)
  window.addEventListener("storage", (e) => {
    if (e.key !== LAST_RESULT_KEY || !e.newValue) return;
    kept = takeForPane(storage()) ?? kept;
    paint();
  });
}

main();
