import { planUndo, stillWritten, undoSnapshotOf, UndoSnapshot } from "../../app";
import { CellRef, CellValue, planMarks, sameCell, Severity, toA1, WritePlan } from "../../engine";
import { errorReason, failure, ExcelFailure, isBlocking } from "./failures";
import { deleteRules, queueDeleteRules, queueHighlight, readOwnHighlightIds } from "./highlights";
import { SheetRead } from "./readActiveSheet";
import { UNDO_SETTING } from "./settingsKeys";
import { asEntered } from "./typedText";

export interface ApplyOptions {
  /** Write the plan's values (derived cells, blank 得分). Default true. */
  readonly values?: boolean;
  /** Replace the add-in's highlight rules with the plan's. Default true; needs ExcelApi 1.6. */
  readonly highlights?: boolean;
  /**
   * Formula cells to read again after the values are written, in the same round trip (Excel recalculates them;
   * app/formulaRecheck). Their highlights are held back: the caller decides them from the new results.
   */
  readonly recheck?: readonly CellRef[];
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly written: number;
      readonly highlighted: number;
      readonly removedHighlights: number;
      readonly synced: boolean;
      /** The re-read formula cells' values after the write (A1 → value). */
      readonly recalculated: ReadonlyMap<string, CellValue>;
      readonly notes: readonly string[];
    }
  | ExcelFailure;

const noteNotRemoved = (n: number) => `有 ${n} 处上次的标注 Excel 拒绝删除，仍留在表中（可在“开始 → 条件格式 → 管理规则”中删除）。`;

/** Queue writing each cell's value exactly (text as text: typedText.ts) and, where the plan gives one, its number format. */
function queueCellWrites(ws: Excel.Worksheet, cells: readonly { readonly a1: string; readonly value: CellValue; readonly numberFormat?: string }[]): void {
  for (const c of cells) {
    const range = ws.getRange(c.a1);
    range.values = [[asEntered(c.value)]];
    if (c.numberFormat !== undefined) range.numberFormat = [[c.numberFormat]];
  }
}

/**
 * Apply a write plan in ONE context.sync(), in this order: the undo snapshot FIRST (workbook settings), each
 * write's value (text written as text) and number format, the re-read of `recheck` formula cells, the new
 * highlight rules, and last the deletion of the previous run's highlights (the user's fills, borders and rules are
 * never touched). The plan decides everything; this only applies it. A protected sheet gets zero writes.
 *
 * A batch stops at its first failing command and keeps what ran before it (OfficeExtension.Error.traceMessages).
 * So when the sync fails, the sheet is looked at again and brought to one of two states: the full write with its
 * snapshot (when only the deletion of old highlights failed — those Excel refuses stay, and a note says so), or
 * nothing (values, number formats, the previous snapshot and the highlights as they were before).
 */
export async function applyPlan(context: Excel.RequestContext, read: SheetRead, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.sheet !== read.grid.sheet) throw new Error(`write plan for sheet "${plan.sheet}" applied to "${read.grid.sheet}"`);
  if (read.isProtected) return failure("SHEET_PROTECTED");
  const writeValues = options.values ?? true;
  const highlight = (options.highlights ?? true) && read.capabilities.conditionalFormats;
  const recheck = writeValues && plan.writes.length > 0 ? (options.recheck ?? []) : [];
  const ws = read.worksheet;

  const snapshot = writeValues ? undoSnapshotOf(plan, new Date()) : null;
  // written cells get their own mark when this batch writes them (engine/plan/planMarks); re-read formula cells wait
  const adds = highlight ? planMarks(plan, { written: snapshot !== null }).filter((m) => !recheck.some((c) => sameCell(c, m.cell))) : [];
  const problems = adds.filter((m) => m.kind !== "written").length;
  const removes = highlight ? read.ownHighlightIds : [];
  if (!snapshot && adds.length === 0 && removes.length === 0) {
    return { ok: true, written: 0, highlighted: 0, removedHighlights: 0, synced: false, recalculated: new Map(), notes: [] };
  }

  if (snapshot) {
    context.workbook.settings.add(UNDO_SETTING, JSON.stringify(snapshot));
    queueCellWrites(ws, plan.writes.map((w) => ({ a1: toA1(w.cell), value: w.value, numberFormat: w.numberFormat })));
  }
  const rechecked = recheck.map((c) => {
    const range = ws.getRange(toA1(c));
    // in manual calculation mode a write does not recalculate the formulas that read it (Application.calculationMode);
    // Range.calculate is ExcelApi 1.6, the set conditional formats come with
    if (read.calculationMode === "Manual" && read.capabilities.conditionalFormats) range.calculate();
    range.load("values");
    return range;
  });
  for (const m of adds) queueHighlight(ws.getRange(toA1(m.cell)), m.kind);
  queueDeleteRules(ws, removes);
  try {
    await context.sync();
  } catch (e) {
    return settle(context, read, { snapshot, adds: adds.length, problems, removes, recheck }, e);
  }
  return {
    ok: true,
    written: snapshot?.cells.length ?? 0,
    highlighted: problems,
    removedHighlights: removes.length,
    synced: true,
    recalculated: new Map(recheck.map((c, i) => [toA1(c), rechecked[i].values[0][0] as CellValue])),
    notes: [],
  };
}

/**
 * After a failed write batch: find how far it got, then finish it (only the old highlights' deletion failed) or
 * undo what ran (anything earlier failed). Editing a cell blocks every round trip: nothing ran, nothing to do.
 */
async function settle(
  context: Excel.RequestContext,
  read: SheetRead,
  batch: { readonly snapshot: UndoSnapshot | null; readonly adds: number; readonly problems: number; readonly removes: readonly string[]; readonly recheck: readonly CellRef[] },
  error: unknown,
): Promise<ApplyResult | ExcelFailure> {
  if (isBlocking(error)) throw error;
  const ws = read.worksheet;
  const reason = errorReason(error);
  try {
    const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
    setting.load("value");
    const cells = (batch.snapshot?.cells ?? []).map((c) => {
      const r = ws.getRange(c.a1);
      r.load("values");
      return r;
    });
    const rechecked = batch.recheck.map((c) => {
      const r = ws.getRange(toA1(c));
      r.load("values");
      return r;
    });
    await context.sync();
    const own = read.capabilities.conditionalFormats ? await readOwnHighlightIds(context, ws) : { ids: [], all: [], unreadable: 0 };
    // what the batch added is what was not there before; a rule is complete once it has its tagged formula (set last)
    const added = own.all.filter((id) => !read.ruleIds.includes(id));
    const addsDone = added.length === batch.adds && added.every((id) => own.ids.includes(id));
    const snapshotStored = batch.snapshot !== null && !setting.isNullObject && setting.value === JSON.stringify(batch.snapshot);
    const valuesDone = batch.snapshot === null || (snapshotStored && batch.snapshot.cells.every((c, i) => stillWritten(cells[i].values[0][0], c.written)));

    if (valuesDone && addsDone) {
      // everything but (some of) the old highlights' deletion ran: finish it, one rule at a time if need be
      const left = batch.removes.filter((id) => own.all.includes(id));
      const { failed } = await deleteRules(context, ws, left);
      return {
        ok: true,
        written: batch.snapshot?.cells.length ?? 0,
        highlighted: batch.problems,
        removedHighlights: batch.removes.length - failed,
        synced: true,
        recalculated: new Map(batch.recheck.map((c, i) => [toA1(c), rechecked[i].values[0][0] as CellValue])),
        notes: failed > 0 ? [noteNotRemoved(failed)] : [],
      };
    }

    // undo what ran: the cells the batch wrote, the snapshot it replaced, the highlights it added
    if (snapshotStored && batch.snapshot) {
      const current = cells.map((r) => r.values[0][0]);
      const { restore } = planUndo(batch.snapshot, current);
      queueCellWrites(
        ws,
        restore.map((c) => ({ a1: c.a1, value: c.value, numberFormat: c.numberFormat })),
      );
      if (read.undoStored !== null) context.workbook.settings.add(UNDO_SETTING, read.undoStored);
      else setting.delete();
      await context.sync();
    }
    const { failed } = await deleteRules(context, ws, added);
    if (failed > 0) return failure("WRITE_INCOMPLETE", `写入时出错（${reason}），未能删除本次新加的 ${failed} 处标注；其余已恢复原状。`);
    return failure("WRITE_ROLLED_BACK", `写入时出错（${reason}），已恢复原状，未写入任何内容。请再试一次。`);
  } catch (e) {
    if (isBlocking(e)) throw e;
    return failure("WRITE_INCOMPLETE", `写入时出错（${reason}），且未能完全恢复原状。已保存撤销信息，请点击“撤销上次写入”恢复。`);
  }
}

/** Add highlights for cells whose findings were decided after the write (re-read formulas): one round trip, guarded. */
export async function addHighlights(context: Excel.RequestContext, read: SheetRead, highlights: readonly { readonly cell: CellRef; readonly severity: Severity }[]): Promise<string[]> {
  if (highlights.length === 0 || !read.capabilities.conditionalFormats) return [];
  for (const h of highlights) queueHighlight(read.worksheet.getRange(toA1(h.cell)), h.severity);
  try {
    await context.sync();
    return [];
  } catch (e) {
    if (isBlocking(e)) throw e;
    return [`未能标注 ${highlights.map((h) => toA1(h.cell)).join("、")}（${errorReason(e)}）。`];
  }
}
