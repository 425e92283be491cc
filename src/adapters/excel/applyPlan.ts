import { planUndo, stillWritten, undoSnapshotOf, UndoSnapshot } from "../../app";
import { CellRef, CellValue, CellWrite, HighlightKind, planMarks, sameCell, Severity, toA1, WritePlan } from "../../engine";
import { errorReason, failure, ExcelFailure, isBlocking } from "./failures";
import { deleteOwnOneByOne, queueDeleteRules, queueHighlight } from "./highlights";
import { NO_OWN_WRITES, OwnWrites } from "./ownWrites";
import { SheetRead } from "./readActiveSheet";
import { UNDO_SETTING } from "./settingsKeys";
import { queueExactValue } from "./typedText";
import { queueUndoWrite, undoColumnValues, undoFromColumn, UndoPlace, undoRange, UNDO_ROWS } from "./undoStore";

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
  /** Where the undo snapshot goes (undoStore.ts); default: the workbook settings, as read. */
  readonly undo?: UndoPlace;
  /** Noted before the batch, so that the live re-check knows these writes for the add-in's (ownWrites.ts). */
  readonly ownWrites?: OwnWrites;
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
const noteNotAdded = (reason: string) => `未能添加标注（${reason}）；计算结果已写入。可再点击一次“校验并计分”重新标注。`;

/** Queue writing each planned cell exactly (typedText.queueExactValue: text as text, Text-formatted cells kept). */
function queueWrites(ws: Excel.Worksheet, writes: readonly CellWrite[]): void {
  for (const w of writes) queueExactValue(ws.getRange(toA1(w.cell)), w.value, w.previous.numberFormat, w.numberFormat);
}

/** Whether writing `w` touches the cell's number format (the plan's own, or the passage of a number through "General"). */
const touchesFormat = (w: CellWrite) => w.numberFormat !== undefined || (w.previous.numberFormat === "@" && typeof w.value !== "string");

/**
 * Apply a write plan in ONE context.sync(), in this order: the undo snapshot FIRST (in the store sheet, undoStore.ts),
 * each write's number format and value (queueExactValue), the re-read of `recheck` formula cells, the deletion of the
 * previous run's highlights (from the highest position down, before anything is added: highlights.ts), and last the
 * new highlight rules (the user's fills, borders and rules are never touched). The plan decides everything; this only
 * applies it. A protected sheet gets zero writes.
 *
 * A batch stops at its first failing command and keeps what ran before it (OfficeExtension.Error.traceMessages).
 * So when the sync fails, the sheet is looked at again and brought to one of two states: the full write with its
 * snapshot (when the values and the snapshot are in and only the highlights failed — they are then redone whole, and
 * those Excel refuses to delete stay, with a note), or nothing (values, number formats and the previous snapshot as
 * they were; no highlight had been touched yet).
 */
export async function applyPlan(context: Excel.RequestContext, read: SheetRead, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.sheet !== read.grid.sheet) throw new Error(`write plan for sheet "${plan.sheet}" applied to "${read.grid.sheet}"`);
  if (read.isProtected) return failure("SHEET_PROTECTED");
  const writeValues = options.values ?? true;
  const highlight = (options.highlights ?? true) && read.capabilities.conditionalFormats;
  const recheck = writeValues && plan.writes.length > 0 ? (options.recheck ?? []) : [];
  const undo: UndoPlace = options.undo ?? { kind: "settings", previous: read.undoStored };
  const own = options.ownWrites ?? NO_OWN_WRITES;
  const ws = read.worksheet;

  const snapshot = writeValues ? undoSnapshotOf(plan, new Date()) : null;
  // written cells get their own mark when this batch writes them (engine/plan/planMarks); re-read formula cells wait
  const marks = highlight ? planMarks(plan, { written: snapshot !== null }).filter((m) => !recheck.some((c) => sameCell(c, m.cell))) : [];
  const problems = marks.filter((m) => m.kind !== "written").length;
  const removes = highlight ? read.ownHighlightIds : [];
  if (!snapshot && marks.length === 0 && removes.length === 0) {
    return { ok: true, written: 0, highlighted: 0, removedHighlights: 0, synced: false, recalculated: new Map(), notes: [] };
  }

  if (snapshot) {
    const json = JSON.stringify(snapshot);
    queueUndoWrite(context, undo, json);
    if (undo.kind === "store") own.note({ name: undo.sheet, id: read.sheetIds[undo.sheet] }, [undoRange(undoColumnValues(json).length + undo.previousRows), "A1:E1"]);
    queueWrites(ws, plan.writes);
    own.note({ name: read.grid.sheet, id: read.worksheetId }, plan.writes.map((w) => toA1(w.cell)));
  }
  const rechecked = recheck.map((c) => {
    const range = ws.getRange(toA1(c));
    // in manual calculation mode a write does not recalculate the formulas that read it (Application.calculationMode);
    // Range.calculate is ExcelApi 1.6, the set conditional formats come with
    if (read.calculationMode === "Manual" && read.capabilities.conditionalFormats) range.calculate();
    range.load("values");
    return range;
  });
  queueDeleteRules(ws, removes);
  for (const m of marks) queueHighlight(ws.getRange(toA1(m.cell)), m.kind);
  try {
    await context.sync();
  } catch (e) {
    return settle(context, read, { plan: snapshot ? plan : null, snapshot, undo, highlight, marks, problems, recheck }, e);
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

/** Queue reading back the snapshot kept at `place`; after the sync, its text (null: none). */
function queueReadUndo(context: Excel.RequestContext, place: UndoPlace, storeThere: boolean): () => string | null {
  if (place.kind === "settings") {
    const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
    setting.load("value");
    return () => (!setting.isNullObject && typeof setting.value === "string" ? setting.value : null);
  }
  if (!storeThere) return () => null;
  const range = context.workbook.worksheets.getItem(place.sheet).getRange(undoRange(UNDO_ROWS));
  range.load("values");
  return () => undoFromColumn(range.values.map((r) => r[0]));
}

/**
 * After a failed write batch: find how far it got, then finish it (the snapshot and every value are in: only the
 * highlights failed) or undo what ran (anything earlier failed: no highlight had been touched yet). Editing a cell
 * blocks every round trip: nothing ran, nothing to do.
 */
async function settle(
  context: Excel.RequestContext,
  read: SheetRead,
  batch: {
    readonly plan: WritePlan | null;
    readonly snapshot: UndoSnapshot | null;
    readonly undo: UndoPlace;
    readonly highlight: boolean;
    readonly marks: readonly { readonly cell: CellRef; readonly kind: HighlightKind }[];
    readonly problems: number;
    readonly recheck: readonly CellRef[];
  },
  error: unknown,
): Promise<ApplyResult | ExcelFailure> {
  if (isBlocking(error)) throw error;
  const ws = read.worksheet;
  const reason = errorReason(error);
  const { undo, snapshot } = batch;
  try {
    // is the store sheet there (a new one may have been added before the batch stopped)?
    let storeThere = undo.kind === "store" && undo.exists;
    if (undo.kind === "store" && !undo.exists) {
      const made = context.workbook.worksheets.getItemOrNullObject(undo.sheet);
      await context.sync();
      storeThere = !made.isNullObject;
    }
    const stored = queueReadUndo(context, undo, storeThere);
    const cells = (snapshot?.cells ?? []).map((c) => {
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
    const snapshotStored = snapshot !== null && stored() === JSON.stringify(snapshot);
    const valuesDone = snapshot === null || (snapshotStored && snapshot.cells.every((c, i) => stillWritten(cells[i].values[0][0], c.written)));

    if (valuesDone) {
      // the snapshot and every value are in; the highlights' part stopped somewhere: redo it whole — every rule of
      // ours (the old ones left, the new ones added, one left without its formula) goes, then the plan's are added
      const notes: string[] = [];
      let added = true;
      if (batch.highlight) {
        const { failed } = await deleteOwnOneByOne(context, ws);
        if (failed > 0) notes.push(noteNotRemoved(failed));
      }
      if (batch.highlight && batch.marks.length > 0) {
        for (const m of batch.marks) queueHighlight(ws.getRange(toA1(m.cell)), m.kind);
        try {
          await context.sync();
        } catch (e) {
          if (isBlocking(e)) throw e;
          added = false;
          notes.push(noteNotAdded(errorReason(e)));
          await deleteOwnOneByOne(context, ws).catch(() => undefined);
        }
      }
      return {
        ok: true,
        written: snapshot?.cells.length ?? 0,
        highlighted: added ? batch.problems : 0,
        removedHighlights: 0,
        synced: true,
        recalculated: new Map(batch.recheck.map((c, i) => [toA1(c), rechecked[i].values[0][0] as CellValue])),
        notes,
      };
    }

    // undo what ran: the number formats the batch may have touched, the cells it wrote, the snapshot it kept
    if (batch.plan && snapshot) {
      const writes = batch.plan.writes;
      writes.forEach((w) => {
        if (touchesFormat(w)) ws.getRange(toA1(w.cell)).numberFormat = [[w.previous.numberFormat ?? "General"]];
      });
      const { restore } = planUndo(
        snapshot,
        cells.map((r) => r.values[0][0]),
      );
      for (const c of restore) {
        const w = writes.find((x) => toA1(x.cell) === c.a1)!;
        queueExactValue(ws.getRange(c.a1), c.value, w.previous.numberFormat);
      }
      if (undo.kind === "settings") {
        if (undo.previous !== null) context.workbook.settings.add(UNDO_SETTING, undo.previous);
        else if (stored() !== null) context.workbook.settings.getItem(UNDO_SETTING).delete();
      } else {
        if (undo.settingExists && read.undoStored !== null) context.workbook.settings.add(UNDO_SETTING, read.undoStored);
        if (storeThere && undo.exists) queueUndoWrite(context, { ...undo, previousRows: Math.max(undo.previousRows, UNDO_ROWS), settingExists: false }, undo.previous);
        if (storeThere && !undo.exists) {
          // the store this batch added: gone again (a very hidden sheet must be shown before it can be deleted:
          // office-js#365)
          const made = context.workbook.worksheets.getItem(undo.sheet);
          made.visibility = "Hidden";
          made.delete();
        }
      }
      await context.sync();
    }
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
