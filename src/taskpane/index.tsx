/**
 * Task pane bootstrap — the only file of the pane that touches Office. Inside Excel it renders the pane over the
 * Excel host; anywhere else (a plain browser, WPS users, offline, office.js blocked) it renders file mode at
 * once: it never waits on Office.onReady when Office is absent, and gives up waiting after a short time.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../adapters/excel/excelHost";
import { App } from "./components/App";
import { createFileHost } from "./fileHost";
import type { Host } from "../app/host";

/** Office.onReady resolves at once in a plain browser; inside Excel it can take a few seconds on a slow machine. */
const OFFICE_READY_TIMEOUT_MS = 8000;

async function inExcel(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OFFICE_READY_TIMEOUT_MS));
  const ready = Office.onReady().then((info) => info.host === Office.HostType.Excel);
  return Promise.race([ready, timeout]);
}

async function main(): Promise<void> {
  const host: Host = (await inExcel()) ? createExcelHost() : createFileHost();
  document.documentElement.dataset.host = host.kind;
  const container = document.getElementById("container")!;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

void main();
