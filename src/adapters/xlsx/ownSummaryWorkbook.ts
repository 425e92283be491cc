import { openWorkbook } from "./readWorkbook";
import { isSummarySheet } from "./summaryMarker";

/*
 * Apart from summarySheet.ts (which builds the 汇总 with exceljs): `ziping check --summary` asks this of every input,
 * and a check must not load the writing library.
 */

/** Whether a workbook is a folder's 汇总 we wrote (every worksheet of it marked ours): never a workbook of forms to check. */
export function isOwnSummaryWorkbook(data: Uint8Array): boolean {
  const opened = openWorkbook(data);
  if (!opened.ok) return false;
  const sheets = opened.source.workbook.sheets;
  const worksheets = sheets.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "worksheet");
  return worksheets.length > 0 && worksheets.every(({ i }) => isSummarySheet(opened.source.workbook.definedNames, i));
}
