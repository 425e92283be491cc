/** The result dialog of a ribbon command: shows the summary from its URL; 关闭 tells the command runtime. */
import { summaryFromQuery } from "./summary";

function render(): void {
  const summary = summaryFromQuery(window.location.search);
  const title = document.getElementById("title")!;
  const lines = document.getElementById("lines")!;
  title.textContent = summary?.title ?? "没有结果可显示";
  if (summary && !summary.ok) title.className = "bad";
  for (const line of summary?.lines ?? []) {
    const p = document.createElement("p");
    p.textContent = line;
    lines.appendChild(p);
  }
  const close = document.getElementById("close")!;
  close.addEventListener("click", () => {
    // the command that opened this dialog has usually completed already (its runtime is gone): close ourselves too
    try {
      if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
    } catch {
      // no parent to tell
    }
    window.close();
  });
  close.focus();
}

if (typeof Office !== "undefined") Office.onReady(render);
else render();
