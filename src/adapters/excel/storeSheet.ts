import { EMPTY_STORE, isStoreSheet, readStore, STORE_SHEET, storeRows, StoreUpdate, WorkbookStore } from "../../app";
import { colName, MergeArea, rangeA1 } from "../../engine";
import { errorReason, ExcelFailure, failure, isBlocking } from "./failures";
import { gridFromBlocks, queueValues } from "./sheetCells";
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
}

/**
 * Find and read the workbook's store (workbookStore.ts) in two round trips: the sheet list, then the values of its very
 * hidden sheets (the store is one of them, recognised by its marker in A1 whatever it is called).
 */
export async function readStoreSheet(context: Excel.RequestContext): Promise<StoreRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const taken = sheets.items.map((s) => s.name);
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
    if (isStoreSheet(grid)) return { store: readStore([grid]), sheet: candidates[i], used: values.area, taken };
  }
  return { store: EMPTY_STORE, sheet: null, used: null, taken };
}


/**
 * Change the store: read it as it is now (another user or the command line may have changed it since the pane last
 * looked), apply `change`, and write it back in one more round trip — all cells as text (number format "@", so no
 * reason becomes a number or a date), the sheet very hidden (Worksheet.visibility, ExcelApi 1.1: not listed under
 * 取消隐藏, kept in the file, read by the command line). The new rows are written before the rows a shorter store
 * no longer needs are cleared, so a failing batch never loses what was kept; a new sheet that fails is deleted.
 */
export async function updateStoreSheet(context: Excel.RequestContext, change: (store: WorkbookStore) => StoreUpdate): Promise<{ readonly ok: true; readonly store: WorkbookStore } | ExcelFailure> {
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
  if (old && old.bottom > area.bottom) ws.getRange(rangeA1({ top: area.bottom + 1, left: 1, bottom: old.bottom, right: Math.max(old.right, width) })).clear("Contents");
  if (old && old.right > width) ws.getRange(`${colName(width + 1)}1:${colName(old.right)}${area.bottom}`).clear("Contents");
  try {
    await context.sync();
  } catch (e) {
    if (isBlocking(e) || before.sheet) throw e;
    // a new store sheet that could not be filled is removed, so no empty sheet is left behind
    const left = context.workbook.worksheets.getItemOrNullObject(name);
    left.load("name");
    await context.sync();
    if (!left.isNullObject) {
      left.delete();
      await context.sync();
    }
    return failure("STORE_REFUSED", `无法保存到工作簿（${errorReason(e)}），未做任何改动。工作簿结构可能受保护（审阅 → 保护工作簿）。`);
  }
  return { ok: true, store: changed.store };
}
