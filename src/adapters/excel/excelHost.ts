import { applyStoreChange, withProfile } from "../../app";
import type { ExcelHost, HostResult } from "../../app";
import { clearHighlights } from "./clearHighlights";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { checkAllSheets, recheckSheet } from "./checkAllSheets";
import { HostFailureError, rejectingHostFailures, withHostFailures } from "./failures";
import { ownWrites } from "./ownWrites";
import { loadProfileSetting, saveProfileSetting } from "./profileSetting";
import { activateSheet, selectCell, selectedCell } from "./selectCell";
import { readStoreSheet, updateStoreSheet } from "./storeSheet";
import { addSummarySheet } from "./summarySheet";
import { undoLastWrite } from "./undoLastWrite";
import { validateAndScoreSheet } from "./validateAndScore";
import { watchEdits } from "./watchEdits";
import { addTemplateSheet } from "./writeSheetSpec";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The task pane's host inside Excel: every action is one Excel.run. Known workbook conditions (cell-edit mode,
 * protection, …) come back as failures with a Chinese message — or, for the profile setting, which has no result
 * to carry one, as a HostFailureError with that message; anything else rejects, and the pane shows it.
 */
export function createExcelHost(
  run: Run = (batch) => Excel.run(batch),
  options: { readonly now?: () => Date; readonly capabilities?: ExcelCapabilities } = {},
): ExcelHost {
  const capabilities = options.capabilities ?? detectCapabilities();
  const now = options.now ?? (() => new Date());
  // the cells this pane writes, so that the live re-check does not take them for the user's edits (watchEdits.ts)
  const own = ownWrites();
  const guarded = <R extends HostResult<object>>(batch: (context: Excel.RequestContext) => Promise<R>) => withHostFailures(() => run(batch));
  return {
    kind: "excel",
    check: (profileId, { write }) => guarded((context) => validateAndScoreSheet(context, { write, profileId, capabilities, ownWrites: own })),
    checkAll: (profileId, { onProgress } = {}) =>
      guarded(async (context) => {
        const r = await checkAllSheets(context, { profileId, capabilities, ...(onProgress ? { onProgress } : {}) });
        return r.ok ? { ok: true as const, reports: r.reports, details: r.details, profileId: r.profileId, notes: r.notes } : r;
      }),
    recheckSheet: (sheet, profileId) => guarded((context) => recheckSheet(context, sheet, { profileId, capabilities })),
    activateSheet: (sheet) => guarded((context) => activateSheet(context, sheet)),
    updateStore: (change) => guarded((context) => updateStoreSheet(context, applyStoreChange(change, now().toISOString()), own)),
    selectedCell: () => guarded((context) => selectedCell(context)),
    addSummary: (profileId) => guarded((context) => addSummarySheet(context, { profileId, capabilities, ownWrites: own })),
    watchEdits: (onEdit) => (capabilities.changeEvents ? watchEdits(run, onEdit, own) : Promise.resolve(null)),
    clearHighlights: () => guarded((context) => clearHighlights(context, capabilities)),
    undoLastWrite: () => guarded((context) => undoLastWrite(context, capabilities, own)),
    addTemplate: (kind, profileId) => guarded((context) => addTemplateSheet(context, kind, { profileId, capabilities, ownWrites: own })),
    selectCell: (sheet, a1) => guarded((context) => selectCell(context, sheet, a1)),
    // the pane asks before it writes, so a result computed for another sheet is never written to this one
    activeSheet: () =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
        await context.sync();
        return ws.name;
      }).catch(() => null),
    // the workbook's 评分方案: its store sheet (which the command line reads too), else the settings of earlier versions
    loadProfileId: () =>
      rejectingHostFailures(() =>
        run(async (context) => {
          const { store } = await readStoreSheet(context);
          return store.profile ?? (await loadProfileSetting(context));
        }),
      ),
    saveProfileId: (id) =>
      rejectingHostFailures(() =>
        run(async (context) => {
          await saveProfileSetting(context, id);
          const saved = await updateStoreSheet(context, (store) => ({ ok: true, store: withProfile(store, id) }), own);
          if (!saved.ok) throw new HostFailureError(saved);
        }),
      ),
  };
}
