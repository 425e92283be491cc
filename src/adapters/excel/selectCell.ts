import { failure, ExcelFailure } from "./failures";

/** Activate a sheet and select one of its cells (two syncs: check the sheet exists, then select). */
export async function selectCell(context: Excel.RequestContext, sheet: string, a1: string): Promise<{ readonly ok: true } | ExcelFailure> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) return failure("SHEET_NOT_FOUND", `工作表“${sheet}”已不存在（可能已被删除或改名）。`);
  ws.activate();
  ws.getRange(a1).select();
  await context.sync();
  return { ok: true };
}
