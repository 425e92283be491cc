import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { failure, ExcelFailure } from "./failures";
import { deleteRules, readOwnHighlightIds } from "./highlights";

export type ClearResult = { readonly ok: true; readonly cleared: number; readonly notes: readonly string[] } | ExcelFailure;

/**
 * 清除标注: remove the add-in's highlight rules from the active sheet (one round trip to find them, one to delete;
 * more only when a user's rule makes Excel fail, see highlights.ts). Values, the user's fills, borders and
 * conditional formats are not touched.
 */
export async function clearHighlights(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities()): Promise<ClearResult> {
  if (!capabilities.conditionalFormats) return { ok: true, cleared: 0, notes: [] };
  const ws = context.workbook.worksheets.getActiveWorksheet();
  const own = await readOwnHighlightIds(context, ws, () => ws.protection.load("protected"));
  const notes = own.unreadable > 0 ? [`有 ${own.unreadable} 条条件格式规则 Excel 无法读取，已跳过。`] : [];
  if (own.ids.length === 0) return { ok: true, cleared: 0, notes };
  if (ws.protection.protected) return failure("SHEET_PROTECTED");
  const { deleted, failed } = await deleteRules(context, ws, own.ids);
  if (failed > 0) notes.push(`有 ${failed} 处标注 Excel 拒绝删除（可在“开始 → 条件格式 → 管理规则”中删除）。`);
  return { ok: true, cleared: deleted, notes };
}
