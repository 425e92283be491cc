import type { DefinedName } from "./read/package";

/**
 * The marker of our 汇总 sheet, like the 校验结果 sheet's: a hidden defined name scoped to it, so a copy scored again
 * replaces ours, a folder's 汇总 workbook is not checked as a workbook of forms, and a user's own sheet called 汇总 is
 * checked like any other (ours is then 汇总(2)).
 */
export { SUMMARY_SHEET_MARKER } from "../../app/summaryTable";
import { SUMMARY_SHEET_MARKER } from "../../app/summaryTable";

/** Whether the sheet at `index` (tab order) is a 汇总 sheet we wrote. */
export function isSummarySheet(definedNames: readonly DefinedName[], index: number): boolean {
  return definedNames.some((n) => n.name === SUMMARY_SHEET_MARKER && n.localSheetId === index);
}
