/**
 * Task pane bootstrap — the only file of the pane that touches Office. Inside Excel it renders the pane over the
 * Excel host; anywhere else (a plain browser, WPS users, offline, office.js blocked) it renders file mode at once.
 * When Excel is slow to get ready it keeps waiting and says so, with 重新加载 and 改用文件模式 (officeReady.ts).
 * In a webview too old for this bundle, src/bootstrap/supportCheck.js (ES5) has shown its message already.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../adapters/excel/excelHost";
import { App } from "./components/App";
import { createFileHost } from "./fileHost";
import { whereToRun } from "./officeReady";
import type { Host } from "../app/host";

/** The notice shown while Excel is slow to get ready: plain DOM, before React is there. */
function showSlowNotice(container: HTMLElement, useFileMode: () => void): void {
  const box = document.createElement("div");
  box.setAttribute("role", "status");
  box.style.cssText = "padding:12px;font-size:14px;line-height:1.6;color:#242424";
  const text = document.createElement("p");
  text.textContent = "正在等待 Excel 就绪……已等待 8 秒。工作簿较大或电脑较忙时会慢一些，可以继续等待。";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "重新加载";
  reload.addEventListener("click", () => window.location.reload());
  const file = document.createElement("button");
  file.type = "button";
  file.textContent = "改用文件模式";
  file.style.marginLeft = "8px";
  file.addEventListener("click", useFileMode);
  box.append(text, reload, file);
  container.replaceChildren(box);
}

async function main(): Promise<void> {
  if ((window as { __zipingUnsupported?: boolean }).__zipingUnsupported) return;
  const container = document.getElementById("container")!;
  const office = typeof Office === "undefined" ? undefined : Office;
  const where = await whereToRun(office, { onSlow: (useFileMode) => showSlowNotice(container, useFileMode) });
  const host: Host = where === "excel" ? createExcelHost() : createFileHost();
  document.documentElement.dataset.host = host.kind;
  container.replaceChildren();
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

void main();
