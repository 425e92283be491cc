import { parseUndoSnapshot, planUndo, STORE_MARKER, UndoSnapshot } from "../../app";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { errorReason, failure, ExcelFailure, isBlocking } from "./failures";
import { deleteOwnOneByOne, queueDeleteRules, readOwnHighlightIds } from "./highlights";
import { NO_OWN_WRITES, OwnWrites } from "./ownWrites";
import { UNDO_SETTING } from "./settingsKeys";
import { queueExactValue } from "./typedText";
import { queueUndoWrite, undoFromColumn, UndoPlace, undoRange, UNDO_ROWS } from "./undoStore";

export type UndoResult =
  | { readonly ok: true; readonly sheet: string; readonly restored: number; readonly skipped: number; readonly notes: readonly string[] }
  | ExcelFailure;

/** The last write's snapshot and where it is kept: the store sheet's (undoStore.ts), else the settings' of earlier versions. */
interface Found {
  readonly snapshot: UndoSnapshot;
  readonly place: UndoPlace;
  /** The store sheet's id (for the write marker), when the snapshot is there. */
  readonly storeId?: string;
}

/**
 * Find the snapshot: the sheet list and the settings in one round trip, then column H of the very hidden sheets (the
 * store is one, recognised by its marker in A1) in one more when there are any.
 */
async function findSnapshot(context: Excel.RequestContext): Promise<{ readonly found: Found | null; readonly sheetNames: readonly string[] }> {
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/id");
  await context.sync();
  const settingText = !setting.isNullObject && typeof setting.value === "string" ? setting.value : null;
  const sheetNames = sheets.items.map((s) => s.name);
  const candidates = sheets.items.filter((s) => s.visibility === "VeryHidden").map((s) => s.name);
  const reads = candidates.map((name) => {
    const ws = sheets.getItem(name);
    const marker = ws.getRange("A1");
    const column = ws.getRange(undoRange(UNDO_ROWS));
    marker.load("values");
    column.load("values");
    return { name, marker, column };
  });
  if (reads.length > 0) await context.sync();
  for (const r of reads) {
    if (r.marker.values[0][0] !== STORE_MARKER) continue;
    const values = r.column.values.map((row) => row[0]);
    const text = undoFromColumn(values);
    const snapshot = parseUndoSnapshot(text);
    if (!snapshot) break;
    const rows = values.reduce<number>((last, v, i) => (v !== "" && v !== null ? i + 1 : last), 0);
    const storeId = sheets.items.find((s) => s.name === r.name)?.id;
    return { found: { snapshot, storeId, place: { kind: "store", sheet: r.name, exists: true, previous: text, previousRows: rows, settingExists: settingText !== null } }, sheetNames };
  }
  const snapshot = parseUndoSnapshot(settingText);
  return { found: snapshot ? { snapshot, place: { kind: "settings", previous: settingText } } : null, sheetNames };
}

/**
 * 撤销上次写入: put back the values and number formats the last write replaced, from the snapshot kept in the
 * workbook's store sheet (so it works after the pane was closed, after the ribbon command, and after a save and
 * reopen on the web or Mac, where settings have been lost), and remove the highlights. Text goes back as text and
 * numbers as numbers, and a Text-formatted ("@") cell gets its text without an apostrophe (typedText.ts). A cell the
 * user has changed since the write is left as it is (counted in `skipped`).
 * Four round trips: the sheet list; the store's snapshot (none without a very hidden sheet); the cells, their formats
 * and the highlight rules; the writes, which remove the snapshot before the highlights, so that when Excel refuses to
 * delete a rule (office-js#5222) the cells are back already and only the highlights are finished one at a time.
 */
export async function undoLastWrite(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities(), ownWrites: OwnWrites = NO_OWN_WRITES): Promise<UndoResult> {
  const { found, sheetNames } = await findSnapshot(context);
  if (!found) return failure("NOTHING_TO_UNDO");
  const { snapshot, place } = found;
  if (!sheetNames.includes(snapshot.sheet)) return failure("SHEET_NOT_FOUND");

  const ws = context.workbook.worksheets.getItem(snapshot.sheet);
  const ranges = snapshot.cells.map((c) => ws.getRange(c.a1));
  const loadCells = () => {
    ws.protection.load("protected");
    ws.load("id");
    for (const r of ranges) r.load(["values", "numberFormat"]);
  };
  const own = capabilities.conditionalFormats ? await readOwnHighlightIds(context, ws, loadCells) : (loadCells(), await context.sync(), { ids: [], unreadable: 0 });

  if (ws.protection.protected) return failure("SHEET_PROTECTED");
  const { restore, skipped } = planUndo(
    snapshot,
    ranges.map((r) => r.values[0][0]),
  );
  for (const c of restore) {
    const range = ranges[snapshot.cells.indexOf(c)];
    const formatNow = range.numberFormat[0][0];
    queueExactValue(range, c.value, typeof formatNow === "string" ? formatNow : undefined, c.numberFormat);
  }
  ownWrites.note({ name: snapshot.sheet, id: ws.id }, restore.map((c) => c.a1));
  if (place.kind === "store") ownWrites.note({ name: place.sheet, id: found.storeId }, [undoRange(place.previousRows)]);
  queueUndoWrite(context, place, null);
  queueDeleteRules(ws, own.ids);
  const notes = own.unreadable > 0 ? [`有 ${own.unreadable} 条条件格式规则 Excel 无法读取，已跳过。`] : [];
  try {
    await context.sync();
  } catch (e) {
    if (isBlocking(e)) throw e;
    // the batch stopped somewhere: if the snapshot is gone, the cells are back and only highlights are left
    const again = await findSnapshot(context);
    if (again.found) return failure("WRITE_INCOMPLETE", `撤销时出错（${errorReason(e)}），部分单元格可能未恢复，请再点击一次“撤销上次写入”。`);
    const { failed } = await deleteOwnOneByOne(context, ws);
    if (failed > 0) notes.push(`有 ${failed} 处标注 Excel 拒绝删除（可在“开始 → 条件格式 → 管理规则”中删除）。`);
  }
  return { ok: true, sheet: snapshot.sheet, restored: restore.length, skipped, notes };
}
