import { EMPTY_STORE, isStoreSheet, readStore, STORE_SHEET, storeRows, StoreUpdate, WorkbookStore } from "../../app";
import { colName, MergeArea, rangeA1 } from "../../engine";
import { errorReason, ExcelFailure, failure, isBlocking } from "./failures";
import { NO_OWN_WRITES, OwnWrites } from "./ownWrites";
import { gridFromBlocks, queueValues } from "./sheetCells";
import { UNDO_COLUMN } from "./undoStore";
import { uniqueSheetName } from "./writeSheetSpec";

/** Where the store is (if anywhere) and what it holds. */
export interface StoreRead {
  readonly store: WorkbookStore;
  /** The store sheet's name; null when the workbook has none yet. */
  readonly sheet: string | null;
  /** The cells it fills now (to clear what a shorter store leaves behind). */
  readonly used: MergeArea | null;
  /** Every sheet's name (a new store sheet needs one not taken). */
  readonly taken: readonly string[];
  /** The store sheet's id (Worksheet.id), when there is one. */
  readonly id?: string;
}

/**
 * Find and read the workbook's store (workbookStore.ts) in two round trips: the sheet list, then the values of its very
 * hidden sheets (the store is one of them, recognised by its marker in A1 whatever it is called).
 */
export async function readStoreSheet(context: Excel.RequestContext): Promise<StoreRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/id");
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
  const idOf = (name: string) => sheets.items.find((s) => s.name === name)?.id;
  const candidates = sheets.items.filter((s) => s.visibility === "VeryHidden").map((s) => s.name);
  if (candidates.length === 0) return { store: EMPTY_STORE, sheet: null, used: null, taken };
  const ranges = candidates.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    return { used, block: queueValues(used) };
  });
  await context.sync();
  for (let i = 0; i < candidates.length; i++) {
    const { used, block } = ranges[i];
    const values = used.isNullObject ? null : block();
    if (!values) continue;
    const grid = gridFromBlocks(candidates[i], [values], []);
    if (isStoreSheet(grid)) return { store: readStore([grid]), sheet: candidates[i], used: values.area, taken, id: idOf(candidates[i]) };
  }
  return { store: EMPTY_STORE, sheet: null, used: null, taken };
}


/**
 * Change the store: read it as it is now (another user or the command line may have changed it since the pane last
 * looked), apply `change`, and write it back in one more round trip — all cells as text (number format "@", so no
 * reason becomes a number or a date), the sheet very hidden (Worksheet.visibility, ExcelApi 1.1: not listed under
 * 取消隐藏, kept in the file, read by the command line). The new rows are written before the rows a shorter store
 * no longer needs are cleared, so a failing batch never loses what was kept; the undo snapshot in column H
 * (undoStore.ts) is left alone. A new sheet that fails is deleted — made hidden first, since Excel refuses to delete
 * a very hidden sheet (office-js#365).
 */
export async function updateStoreSheet(
  context: Excel.RequestContext,
  change: (store: WorkbookStore) => StoreUpdate,
  ownWrites: OwnWrites = NO_OWN_WRITES,
): Promise<{ readonly ok: true; readonly store: WorkbookStore } | ExcelFailure> {
  const before = await readStoreSheet(context);
  const changed = change(before.store);
  if (!changed.ok) return failure("STORE_REFUSED", changed.message);
  const rows = storeRows(changed.store);
  const width = Math.max(...rows.map((r) => r.length));
  const area: MergeArea = { top: 1, left: 1, bottom: rows.length, right: width };
  const name = before.sheet ?? uniqueSheetName(STORE_SHEET, before.taken);
  const ws = before.sheet ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
  if (!before.sheet) ws.visibility = "VeryHidden";
  const range = ws.getRange(rangeA1(area));
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  const old = before.used;
  // the store's own columns only: column H and beyond keep the undo snapshot
  const lastColumn = Math.min(old?.right ?? 0, UNDO_COLUMN - 1);
  const cleared: string[] = [];
  if (old && old.bottom > area.bottom) cleared.push(rangeA1({ top: area.bottom + 1, left: 1, bottom: old.bottom, right: Math.max(lastColumn, width) }));
  if (old && lastColumn > width) cleared.push(`${colName(width + 1)}1:${colName(lastColumn)}${area.bottom}`);
  for (const c of cleared) ws.getRange(c).clear("Contents");
  ownWrites.note({ name, id: before.id }, [rangeA1(area), ...cleared]);
  try {
    await context.sync();
  } catch (e) {
    if (isBlocking(e) || before.sheet) throw e;
    return removeNewStore(context, name, errorReason(e));
  }
  return { ok: true, store: changed.store };
}

/**
 * A new store sheet that could not be filled is removed, so that no empty sheet is left behind: shown as hidden
 * first (a very hidden sheet refuses delete, office-js#365), then deleted, each step guarded.
 */
async function removeNewStore(context: Excel.RequestContext, name: string, reason: string): Promise<ExcelFailure> {
  const refused = `无法保存到工作簿（${reason}），未做任何改动。工作簿结构可能受保护（审阅 → 保护工作簿）。`;
  try {
    const left = context.workbook.worksheets.getItemOrNullObject(name);
    left.load("name");
    await context.sync();
    if (!left.isNullObject) {
      left.visibility = "Hidden";
      left.delete();
      await context.sync();
    }
  } catch (e) {
    if (isBlocking(e)) throw e;
    return failure(
      "STORE_REFUSED",
      `无法保存到工作簿（${reason}）；新加的工作表“${name}”未能删除（${errorReason(e)}），它不含任何内容。工作簿结构可能受保护（审阅 → 保护工作簿）。`,
    );
  }
  return failure("STORE_REFUSED", refused);
}
