import { parseUndoSnapshot, planUndo } from "../../app";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { failure, ExcelFailure } from "./failures";
import { loadHighlightRules, ownHighlights } from "./highlights";
import { UNDO_SETTING } from "./settingsKeys";

export type UndoResult = { readonly ok: true; readonly sheet: string; readonly restored: number; readonly skipped: number } | ExcelFailure;

/**
 * 撤销上次写入: put back the values and number formats the last write replaced, from the snapshot saved in the
 * workbook (so it works after the pane was closed, or after the ribbon command), and remove the highlights.
 * A cell the user has changed since the write is left as it is (counted in `skipped`).
 * Three round trips: the snapshot and the sheet names; the cells; the writes.
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
  ws.protection.load("protected");
  const ranges = snapshot.cells.map((c) => {
    const r = ws.getRange(c.a1);
    r.load("values");
    return r;
  });
  const rules = capabilities.conditionalFormats ? ws.getUsedRange().conditionalFormats : null;
  if (rules) loadHighlightRules(rules);
  await context.sync();

  if (ws.protection.protected) return failure("SHEET_PROTECTED");
  const { restore, skipped } = planUndo(snapshot, ranges.map((r) => r.values[0][0]));
  for (const c of restore) {
    const range = ranges[snapshot.cells.indexOf(c)];
    range.values = [[c.value ?? ""]];
    if (c.numberFormat !== undefined) range.numberFormat = [[c.numberFormat]];
  }
  if (rules) for (const cf of ownHighlights(rules)) cf.delete();
  setting.delete();
  await context.sync();
  return { ok: true, sheet: snapshot.sheet, restored: restore.length, skipped };
}
