import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { failure, ExcelFailure } from "./failures";
import { loadHighlightRules, ownHighlights } from "./highlights";

export type ClearResult = { readonly ok: true; readonly cleared: number } | ExcelFailure;

/**
 * 清除标注: remove the add-in's highlight rules from the active sheet (one sync to find them, one to delete).
 * Values, the user's fills, borders and conditional formats are not touched.
 */
export async function clearHighlights(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities()): Promise<ClearResult> {
  if (!capabilities.conditionalFormats) return { ok: true, cleared: 0 };
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.protection.load("protected");
  const rules = ws.getUsedRange().conditionalFormats;
  loadHighlightRules(rules);
  await context.sync();
  const own = ownHighlights(rules);
  if (own.length === 0) return { ok: true, cleared: 0 };
  if (ws.protection.protected) return failure("SHEET_PROTECTED");
  for (const cf of own) cf.delete();
  await context.sync();
  return { ok: true, cleared: own.length };
}
