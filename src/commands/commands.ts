/**
 * Ribbon commands (FunctionFile commands.html): 校验并计分 and 新建自评表. Each runs in Excel's hidden command
 * runtime, opens its result in a small dialog, and calls event.completed() as soon as the dialog is open: Office
 * queues later clicks until completed() (create-addin-commands, "event.completed"), and a dialog runs in its own
 * runtime, which stays until the user closes it (testing/runtimes: "A dialog runs in its own runtime process").
 * Running 校验并计分 twice is harmless: the second run finds nothing new to write. In a webview too old for the
 * add-in, commands.html's ES5 bootstrap (src/bootstrap/supportCheck.js) answers the buttons instead.
 *
 * Never silent, never stuck: the work gets WORK_TIMEOUT_MS before the command completes with a message saying so;
 * a dialog Office will not open (12009 on the web when the user dismisses its prompt, 12011 when the browser blocks
 * pop-ups) is tried again inside Office's page, and when that fails too the result is kept for the task pane
 * (lastResult.ts), which shows it — cells may have been written, and the user must hear of it.
 */
import { addTemplateSheet, validateAndScoreSheet, withHostFailures } from "../adapters/excel";
import { keepForPane } from "./lastResult";
import { CommandSummary, resultUrl, templateSummary, timeoutSummary, unexpectedSummary, validateSummary } from "./summary";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface CommandDeps {
  readonly run: Run;
  /** Show the summary; resolves once it is on screen (or could not be shown), not when it is closed. */
  readonly show: (summary: CommandSummary) => Promise<void>;
  /** How long the work gets (default WORK_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

/**
 * How long a ribbon command's work may take before it completes anyway. Excel holds an add-in's requests while a
 * cell is being edited on the desktop, and a large workbook on the web can take long; Office queues the user's
 * further clicks until completed() is called, so the ribbon would seem dead.
 */
export const WORK_TIMEOUT_MS = 60_000;

const TIMED_OUT = Symbol("timed out");

/** The work's result, or TIMED_OUT after `ms` (the work goes on; what it writes later stays written). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function completeAfter(event: { completed: () => void }, deps: CommandDeps, what: string, work: () => Promise<CommandSummary>): Promise<void> {
  try {
    let summary: CommandSummary;
    try {
      const ms = deps.timeoutMs ?? WORK_TIMEOUT_MS;
      const done = await withTimeout(work(), ms);
      summary = done === TIMED_OUT ? timeoutSummary(what, ms) : done;
    } catch (e) {
      console.error(e);
      summary = unexpectedSummary(e);
    }
    await deps.show(summary);
  } finally {
    event.completed();
  }
}

export function createCommands(deps: CommandDeps) {
  return {
    validateAndScore: (event: { completed: () => void }) =>
      completeAfter(event, deps, "校验并计分", async () => {
        const result = await withHostFailures(() => deps.run((context) => validateAndScoreSheet(context, { write: true })));
        return validateSummary(result);
      }),
    newTemplate: (event: { completed: () => void }) =>
      completeAfter(event, deps, "新建自评表", async () => {
        const result = await withHostFailures(() => deps.run((context) => addTemplateSheet(context, "new")));
        return templateSummary(result);
      }),
  };
}

/** How long to wait for Office to say the dialog is open before completing anyway. */
export const DIALOG_OPEN_TIMEOUT_MS = 10_000;
/** How long a dialog shown inside Office's page (which lives only while the command runs) is kept open at most. */
export const FRAMED_DIALOG_MS = 60_000;

/** Office.js dialog errors after which a dialog inside Office's page may still open (Office.context.ui, "Errors"). */
const RETRY_IN_PAGE = new Set([12009, 12011]);

export type DialogOutcome = { readonly status: "open" } | { readonly status: "failed"; readonly code?: number } | { readonly status: "timeout" };

type Ui = Pick<typeof Office.context.ui, "displayDialogAsync">;

/**
 * Open a summary in a dialog and resolve as soon as it is open (or failed to open, or Office did not answer within
 * DIALOG_OPEN_TIMEOUT_MS), so that the command completes while the dialog stays. Not in an iframe: only then does
 * the dialog have its own runtime in Excel on the web too (testing/runtimes). Its 关闭 button messages this
 * runtime while it lives; afterwards the dialog's own close box closes it. With `inPage`, the dialog is shown inside
 * Office's page (displayInIframe, Excel on the web), where it lives only as long as this runtime: then this resolves
 * only when the user closes it (or after FRAMED_DIALOG_MS).
 */
export function openResultDialog(ui: Ui, baseUrl: string, summary: CommandSummary, options: { readonly inPage?: boolean } = {}): Promise<DialogOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: DialogOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let timer = setTimeout(() => done({ status: "timeout" }), DIALOG_OPEN_TIMEOUT_MS);
    try {
      ui.displayDialogAsync(resultUrl(baseUrl, summary), { height: 36, width: 28, ...(options.inPage ? { displayInIframe: true } : {}) }, (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) return done({ status: "failed", code: res.error?.code });
        const dialog = res.value;
        if (!options.inPage) {
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
          return done({ status: "open" });
        }
        // inside Office's page: stay until the user closes it
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            dialog.close();
          } catch {
            // already gone
          }
          done({ status: "open" });
        }, FRAMED_DIALOG_MS);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          done({ status: "open" });
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done({ status: "open" }));
      });
    } catch (e) {
      console.error(e);
      done({ status: "failed" });
    }
  });
}

/**
 * Show a command's result: in its own dialog; if Office refuses one that may open inside its page, there; and when no
 * dialog could be shown, kept for the task pane (and logged), never dropped.
 */
export async function showResult(ui: Ui, baseUrl: string, summary: CommandSummary, storage: Storage | undefined): Promise<void> {
  const first = await openResultDialog(ui, baseUrl, summary);
  if (first.status === "open") return;
  if (first.status === "failed" && first.code !== undefined && RETRY_IN_PAGE.has(first.code)) {
    const inPage = await openResultDialog(ui, baseUrl, summary, { inPage: true });
    if (inPage.status === "open") return;
  }
  console.error(`ziping: the result dialog did not open (${first.status === "failed" ? (first.code ?? "error") : "no answer"})`, summary);
  keepForPane(summary, storage);
}

function localStorageOrNone(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

// Registered as soon as this script runs, not in Office.onReady: a handler associated later than Office looks for it
// loses the first click (office-js#2744, #5176; the yo office template associates at the top level too).
// commands.html loads office.js synchronously and this bundle as a blocking script (webpack.config.js).
if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
  const commands = createCommands({
    run: (batch) => Excel.run(batch),
    show: (summary) => showResult(Office.context.ui, window.location.href, summary, localStorageOrNone()),
  });
  Office.actions.associate("validateAndScore", commands.validateAndScore);
  Office.actions.associate("newTemplate", commands.newTemplate);
  // Office.js still wants to hear that the page is ready
  void Office.onReady(() => undefined);
}
