/**
 * Ribbon commands (FunctionFile commands.html): 校验并计分 and 新建自评表. Each runs in Excel's hidden command
 * runtime, shows its result in a small dialog, and always calls event.completed() (Office queues later clicks
 * until then). Running 校验并计分 twice is harmless: the second run finds nothing new to write.
 */
import { addTemplateSheet, validateAndScoreSheet, withHostFailures } from "../adapters/excel";
import { CommandSummary, resultUrl, templateSummary, unexpectedSummary, validateSummary } from "./summary";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface CommandDeps {
  readonly run: Run;
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

/** Show a summary in a dialog; resolves when it is closed, cannot open, or after 4 minutes (the runtime's limit is 5). */
function showDialog(summary: CommandSummary): Promise<void> {
  return new Promise((resolve) => {
    let dialog: Office.Dialog | undefined;
    const done = () => {
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // already closed by the user
      }
      resolve();
    };
    const timer = setTimeout(done, 4 * 60 * 1000);
    Office.context.ui.displayDialogAsync(resultUrl(window.location.href, summary), { height: 36, width: 28, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return done();
      dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    const commands = createCommands({ run: (batch) => Excel.run(batch), show: showDialog });
    Office.actions.associate("validateAndScore", commands.validateAndScore);
    Office.actions.associate("newTemplate", commands.newTemplate);
  });
}
