/**
 * Task pane bootstrap — the only file of the pane that touches Office. Inside Excel it renders the pane over the
 * Excel host; anywhere else (a plain browser, WPS users, offline, office.js blocked) it renders file mode within a
 * few seconds (officeReady.ts), and switches to Excel if Office answers later (a slow Excel is waited for, never
 * given up on). In a webview too old for this bundle, src/bootstrap/supportCheck.js (ES5) has shown its message.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../adapters/excel/excelHost";
import { App } from "./components/App";
import { createFileHost } from "./fileHost";
import { spawnCheckWorker } from "./spawnCheckWorker";
import { BootNote, bootHost, browserOfficeEnv } from "./officeReady";
import type { Notice } from "./state";
import { T } from "./strings";
import type { Host } from "../app/host";

const NOTES: Record<Exclude<BootNote, null>, Notice> = {
  blocked: { intent: "warning", text: T.officeBlocked },
  slow: { intent: "info", text: T.officeSlow },
};

async function main(): Promise<void> {
  if ((window as { __zipingUnsupported?: boolean }).__zipingUnsupported) return;
  const container = document.getElementById("container")!;
  const root = createRoot(container);
  const render = (host: Host, note: Notice | null) => {
    document.documentElement.dataset.host = host.kind;
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App key={host.kind} host={host} bootNote={note} />
      </FluentProvider>,
    );
  };
  const boot = await bootHost(browserOfficeEnv());
  // file mode checks in a Web Worker: the page never freezes on a large workbook
  render(boot.host === "excel" ? createExcelHost() : createFileHost({ startWorker: spawnCheckWorker }), boot.note ? NOTES[boot.note] : null);
  void boot.late?.then((excel) => excel && render(createExcelHost(), { intent: "success", text: T.officeLate }));
}

void main();
