import { cellKey, Grid } from "../../engine";
import type { DefinedName } from "./read/package";

/**
 * How our 校验结果 sheet is recognised, apart from how it is written (findingsSheet.ts, which needs exceljs): the
 * reader asks this of every sheet, and reading must not load the writing library.
 */

/** The sheet a scored copy carries for people without the add-in (WPS, reviewers): every finding, one a row. */
export const FINDINGS_SHEET_NAME = "校验结果";

/**
 * The marker of our findings sheet: a hidden defined name scoped to it. Excel, WPS and LibreOffice keep defined
 * names when they save, so a copy scored again finds its own sheet (and replaces it) whatever the user renamed it
 * to, while a user's own sheet that happens to be called 校验结果 is never taken for ours.
 */
export const FINDINGS_SHEET_MARKER = "ziping_findings";

/** The header row of copies scored before the marker existed (named 校验结果, this exact first row). */
const LEGACY_HEADER = ["工作表", "项目名称", "单元格", "级别", "部分", "说明", "计算", "代码"];

/** Whether the sheet at `index` (tab order) is a findings sheet we wrote: by its marker, or an unmarked earlier copy's. */
export function isFindingsSheet(definedNames: readonly DefinedName[], index: number, grid: Grid): boolean {
  if (definedNames.some((n) => n.name === FINDINGS_SHEET_MARKER && n.localSheetId === index)) return true;
  return grid.sheet === FINDINGS_SHEET_NAME && LEGACY_HEADER.every((h, i) => grid.cells.get(cellKey(1, i + 1))?.value === h);
}

/**
 * A name for a new sheet of ours: `base`, or `base(2)`, `base(3)`… when the workbook already has a sheet of that name
 * (Excel compares sheet names without case).
 */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}(${i})`.toLowerCase())) return `${base}(${i})`;
}

/** The name for a new findings sheet: 校验结果, or 校验结果(2), (3)… when the workbook already has a sheet of that name. */
export function findingsSheetName(taken: readonly string[]): string {
  return freeSheetName(FINDINGS_SHEET_NAME, taken);
}
