/**
 * Ribbon commands (FunctionFile commands.html): 校验并计分 and 新建自评表. Each runs in Excel's hidden command
 * runtime, opens its result in a small dialog, and calls event.completed() as soon as the dialog is open: Office
 * queues later clicks until completed() (create-addin-commands, "event.completed"), and a dialog runs in its own
 * runtime, which stays until the user closes it (testing/runtimes: "A dialog runs in its own runtime process").
 * Running 校验并计分 twice is harmless: the second run finds nothing new to write. In a webview too old for the
 * add-in, commands.html's ES5 bootstrap (src/bootstrap/supportCheck.js) answers the buttons instead.
 */
import { addTemplateSheet, validateAndScoreSheet, withHostFailures } from "../adapters/excel";
import { CommandSummary, resultUrl, templateSummary, unexpectedSummary, validateSummary } from "./summary";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface CommandDeps {
  readonly run: Run;
  /** Show the summary; resolves once it is on screen (or could not be shown), not when it is closed. */
  readonly show: (summary: CommandSummary) => Promise<void>;
}

async function completeAfter(event: { completed: () => void }, deps: CommandDeps, work: () => Promise<CommandSummary>): Promise<void> {
  try {
    let summary: CommandSummary;
    try {
      summary = await work();
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
      completeAfter(event, deps, async () => {
        const result = await withHostFailures(() => deps.run((context) => validateAndScoreSheet(context, { write: true })));
        return validateSummary(result);
      }),
    newTemplate: (event: { completed: () => void }) =>
      completeAfter(event, deps, async () => {
        const result = await withHostFailures(() => deps.run((context) => addTemplateSheet(context, "new")));
        return templateSummary(result);
      }),
  };
}

/** How long to wait for Office to say the dialog is open before completing anyway. */
export const DIALOG_OPEN_TIMEOUT_MS = 10_000;

/**
 * Open a summary in a dialog and resolve as soon as it is open (or failed to open, or Office did not answer within
 * DIALOG_OPEN_TIMEOUT_MS), so that the command completes while the dialog stays. Not in an iframe: only then does
 * the dialog have its own runtime in Excel on the web too (testing/runtimes). Its 关闭 button messages this
 * runtime while it lives; afterwards the dialog's own close box closes it.
 */
export function openResultDialog(ui: Pick<typeof Office.context.ui, "displayDialogAsync">, baseUrl: string, summary: CommandSummary): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, DIALOG_OPEN_TIMEOUT_MS);
    const opened = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      ui.displayDialogAsync(resultUrl(baseUrl, summary), { height: 36, width: 28 }, (res) => {
        if (res.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = res.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        }
        opened();
      });
    } catch (e) {
      console.error(e);
      opened();
    }
  });
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    const commands = createCommands({ run: (batch) => Excel.run(batch), show: (summary) => openResultDialog(Office.context.ui, window.location.href, summary) });
    Office.actions.associate("validateAndScore", commands.validateAndScore);
    Office.actions.associate("newTemplate", commands.newTemplate);
  });
}
