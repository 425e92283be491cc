import ExcelJS from "exceljs";
import { cellKey, Grid, highlightArgb, SheetReport } from "../../engine";
import type { DefinedName } from "./read/package";

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
 * The name for a new findings sheet: 校验结果, or 校验结果(2), (3)… when the workbook already has a sheet of that
 * name (Excel compares sheet names without case).
 */
export function findingsSheetName(taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  if (!names.has(FINDINGS_SHEET_NAME)) return FINDINGS_SHEET_NAME;
  for (let i = 2; ; i++) if (!names.has(`${FINDINGS_SHEET_NAME}(${i})`)) return `${FINDINGS_SHEET_NAME}(${i})`;
}

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
const PART_ZH: Record<string, string> = { funds: "资金", indicators: "指标", total: "总分与等级", goal: "目标", form: "表格" };

/**
 * Replace the findings sheet of a scored copy (a copy scored again keeps one, not two). It lists, per form sheet,
 * 总分 and 评分等级 as computed, then each finding with its cells, severity, message and calculation.
 */
export function writeFindingsSheet(workbook: ExcelJS.Workbook, reports: readonly SheetReport[], name = FINDINGS_SHEET_NAME): void {
  const old = workbook.getWorksheet(name);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(name);
  ws.columns = [
    { header: "工作表", width: 14 },
    { header: "项目名称", width: 28 },
    { header: "单元格", width: 12 },
    { header: "级别", width: 6 },
    { header: "部分", width: 10 },
    { header: "说明", width: 70 },
    { header: "计算", width: 30 },
    { header: "代码", width: 26 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of reports) {
    if (!r.isForm || !r.form) continue;
    const f = r.form;
    ws.addRow([r.sheet, f.projectName ?? "", f.total.cell ?? "", "", "总分与等级", `总分 ${f.total.computed ?? "—"}，评分等级 ${f.grade.computed ?? "—"}，执行率 ${f.funds[0]?.rate.computed ?? "—"}%`, f.calculations.total, ""]);
    for (const x of r.findings) {
      const row = ws.addRow([r.sheet, f.projectName ?? "", x.cells.join("、"), SEVERITY_ZH[x.severity], PART_ZH[x.part] ?? x.part, x.message, x.calculation ?? "", x.code]);
      row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: highlightArgb(x.severity) } };
    }
  }
  ws.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}
