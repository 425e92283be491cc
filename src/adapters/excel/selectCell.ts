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

/** Activate a sheet (a row of the workbook view clicked): two syncs, as selectCell. */
export async function activateSheet(context: Excel.RequestContext, sheet: string): Promise<{ readonly ok: true } | ExcelFailure> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) return failure("SHEET_NOT_FOUND", `工作表“${sheet}”已不存在（可能已被删除或改名）。`);
  ws.activate();
  await context.sync();
  return { ok: true };
}

/** The selected cell (the top-left one of a selection) and what it displays: one sync. */
export async function selectedCell(context: Excel.RequestContext): Promise<{ readonly ok: true; readonly sheet: string; readonly cell: string; readonly text: string }> {
  const range = context.workbook.getSelectedRange().getCell(0, 0);
  range.load(["address", "text"]);
  range.worksheet.load("name");
  await context.sync();
  const text = range.text[0]?.[0];
  return { ok: true, sheet: range.worksheet.name, cell: range.address.slice(range.address.lastIndexOf("!") + 1).replace(/\$/g, ""), text: typeof text === "string" ? text : String(text ?? "") };
}
