import { undoSnapshotOf } from "../../app";
import { planMarks, toA1, WritePlan } from "../../engine";
import { failure, ExcelFailure } from "./failures";
import { queueHighlight } from "./highlights";
import { SheetRead } from "./readActiveSheet";
import { UNDO_SETTING } from "./settingsKeys";

export interface ApplyOptions {
  /** Write the plan's values (derived cells, blank 得分). Default true. */
  readonly values?: boolean;
  /** Replace the add-in's highlight rules with the plan's. Default true; needs ExcelApi 1.6. */
  readonly highlights?: boolean;
}

export type ApplyResult =
  | { readonly ok: true; readonly written: number; readonly highlighted: number; readonly removedHighlights: number; readonly synced: boolean }
  | ExcelFailure;

/**
 * Apply a write plan in ONE context.sync(): each write's value (and number format where the plan gives one),
 * the highlights as tagged conditional formats (the user's own fills, borders and rules stay as they were; the
 * previous run's highlights are replaced, so running twice changes nothing), and the undo snapshot saved in the
 * workbook's settings. The plan decides everything; this only applies it. A protected sheet gets zero writes.
 */
export async function applyPlan(context: Excel.RequestContext, read: SheetRead, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.sheet !== read.grid.sheet) throw new Error(`write plan for sheet "${plan.sheet}" applied to "${read.grid.sheet}"`);
  if (read.isProtected) return failure("SHEET_PROTECTED");
  const writeValues = options.values ?? true;
  const highlight = (options.highlights ?? true) && read.capabilities.conditionalFormats;
  const ws = read.worksheet;

  const snapshot = writeValues ? undoSnapshotOf(plan, new Date()) : null;
  if (snapshot) {
    for (const w of plan.writes) {
      const range = ws.getRange(toA1(w.cell));
      range.values = [[w.value]];
      if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
    }
  }
  let removed = 0;
  let highlighted = 0;
  if (highlight) {
    for (const cf of read.ownHighlights) cf.delete();
    removed = read.ownHighlights.length;
    // written cells get their own mark when this batch writes them (engine/plan/planMarks)
    const marks = planMarks(plan, { written: snapshot !== null });
    for (const m of marks) queueHighlight(ws.getRange(toA1(m.cell)), m.kind);
    highlighted = marks.filter((m) => m.kind !== "written").length;
  }
  if (snapshot) context.workbook.settings.add(UNDO_SETTING, JSON.stringify(snapshot));
  const written = snapshot?.cells.length ?? 0;
  const synced = written > 0 || removed > 0 || highlighted > 0;
  if (synced) await context.sync();
  return { ok: true, written, highlighted, removedHighlights: removed, synced };
}
