import { parseUndoSnapshot, planUndo } from "../../app";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { errorReason, failure, ExcelFailure, isBlocking } from "./failures";
import { deleteRules, queueDeleteRules, readOwnHighlightIds, remainingRuleIds } from "./highlights";
import { UNDO_SETTING } from "./settingsKeys";
import { asEntered } from "./typedText";

export type UndoResult =
  | { readonly ok: true; readonly sheet: string; readonly restored: number; readonly skipped: number; readonly notes: readonly string[] }
  | ExcelFailure;

/**
 * 撤销上次写入: put back the values and number formats the last write replaced, from the snapshot saved in the
 * workbook (so it works after the pane was closed, or after the ribbon command), and remove the highlights. Text
 * goes back as text and numbers as numbers (typedText.ts). A cell the user has changed since the write is left as
 * it is (counted in `skipped`).
 * Three round trips: the snapshot and the sheet names; the cells and the highlight rules; the writes, which delete
 * the snapshot before the highlights, so that when Excel refuses to delete a rule (office-js#5222) the cells are
 * back already and only the highlights are finished one at a time.
 */
export async function undoLastWrite(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities()): Promise<UndoResult> {
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const snapshot = setting.isNullObject ? null : parseUndoSnapshot(setting.value);
  if (!snapshot) return failure("NOTHING_TO_UNDO");
  if (!sheets.items.some((s) => s.name === snapshot.sheet)) return failure("SHEET_NOT_FOUND");

  const ws = sheets.getItem(snapshot.sheet);
  const ranges = snapshot.cells.map((c) => ws.getRange(c.a1));
  const loadCells = () => {
    ws.protection.load("protected");
    for (const r of ranges) r.load("values");
  };
  const own = capabilities.conditionalFormats ? await readOwnHighlightIds(context, ws, loadCells) : (loadCells(), await context.sync(), { ids: [], unreadable: 0 });

  if (ws.protection.protected) return failure("SHEET_PROTECTED");
  const { restore, skipped } = planUndo(snapshot, ranges.map((r) => r.values[0][0]));
  for (const c of restore) {
    const range = ranges[snapshot.cells.indexOf(c)];
    range.values = [[asEntered(c.value)]];
    if (c.numberFormat !== undefined) range.numberFormat = [[c.numberFormat]];
  }
  setting.delete();
  queueDeleteRules(ws, own.ids);
  const notes = own.unreadable > 0 ? [`有 ${own.unreadable} 条条件格式规则 Excel 无法读取，已跳过。`] : [];
  try {
    await context.sync();
  } catch (e) {
    if (isBlocking(e)) throw e;
    // the batch stopped somewhere: if the snapshot is gone, the cells are back and only highlights are left
    const still = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
    await context.sync();
    if (!still.isNullObject) return failure("WRITE_INCOMPLETE", `撤销时出错（${errorReason(e)}），部分单元格可能未恢复，请再点击一次“撤销上次写入”。`);
    const left = await remainingRuleIds(context, ws, own.ids);
    const { failed } = await deleteRules(context, ws, left);
    if (failed > 0) notes.push(`有 ${failed} 处标注 Excel 拒绝删除（可在“开始 → 条件格式 → 管理规则”中删除）。`);
  }
  return { ok: true, sheet: snapshot.sheet, restored: restore.length, skipped, notes };
}
