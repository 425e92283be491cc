import type { ExcelHost, HostResult } from "../../app/host";
import { clearHighlights } from "./clearHighlights";
import { detectCapabilities } from "./capabilities";
import { rejectingHostFailures, withHostFailures } from "./failures";
import { loadProfileSetting, saveProfileSetting } from "./profileSetting";
import { selectCell } from "./selectCell";
import { undoLastWrite } from "./undoLastWrite";
import { validateAndScoreSheet } from "./validateAndScore";
import { addTemplateSheet } from "./writeSheetSpec";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The task pane's host inside Excel: every action is one Excel.run. Known workbook conditions (cell-edit mode,
 * protection, …) come back as failures with a Chinese message — or, for the profile setting, which has no result
 * to carry one, as a HostFailureError with that message; anything else rejects, and the pane shows it.
 */
export function createExcelHost(run: Run = (batch) => Excel.run(batch)): ExcelHost {
  const capabilities = detectCapabilities();
  const guarded = <R extends HostResult<object>>(batch: (context: Excel.RequestContext) => Promise<R>) => withHostFailures(() => run(batch));
  return {
    kind: "excel",
    check: (profileId, { write }) => guarded((context) => validateAndScoreSheet(context, { write, profileId, capabilities })),
    clearHighlights: () => guarded((context) => clearHighlights(context, capabilities)),
    undoLastWrite: () => guarded((context) => undoLastWrite(context, capabilities)),
    addTemplate: (kind, profileId) => guarded((context) => addTemplateSheet(context, kind, { profileId, capabilities })),
    selectCell: (sheet, a1) => guarded((context) => selectCell(context, sheet, a1)),
    // the pane asks before it writes, so a result computed for another sheet is never written to this one
    activeSheet: () =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
        await context.sync();
        return ws.name;
      }).catch(() => null),
    // no result to carry a failure: a known condition rejects with its Chinese message (HostFailureError)
    loadProfileId: () => rejectingHostFailures(() => run((context) => loadProfileSetting(context))),
    saveProfileId: (id) => rejectingHostFailures(() => run((context) => saveProfileSetting(context, id))),
  };
}
