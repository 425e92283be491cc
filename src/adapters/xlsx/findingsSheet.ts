import ExcelJS from "exceljs";
import { highlightArgb, SheetReport, verdictText } from "../../engine";

/** The sheet a scored copy carries for people without the add-in (WPS, reviewers): every finding, one a row. */
export const FINDINGS_SHEET_NAME = "校验结果";

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
const PART_ZH: Record<string, string> = { funds: "资金", indicators: "指标", total: "总分与等级", goal: "目标", form: "表格" };

/**
 * Replace the findings sheet of a scored copy (a copy scored again keeps one, not two). It lists, per form sheet,
 * 总分 and 评分等级 as computed, then each finding with its cells, severity, message and calculation.
 */
export function writeFindingsSheet(workbook: ExcelJS.Workbook, reports: readonly SheetReport[]): void {
  const old = workbook.getWorksheet(FINDINGS_SHEET_NAME);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(FINDINGS_SHEET_NAME);
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
    const v = verdictText(f);
    const verdict = `${v.label} ${v.value}，评分等级 ${f.grade.computed ?? "—"}，执行率 ${f.funds[0]?.rate.computed ?? "—"}%${v.reason ? `（${v.reason}）` : ""}`;
    ws.addRow([r.sheet, f.projectName ?? "", f.total.cell ?? "", "", "总分与等级", verdict, f.calculations.total, ""]);
    for (const x of r.findings) {
      const row = ws.addRow([r.sheet, f.projectName ?? "", x.cells.join("、"), SEVERITY_ZH[x.severity], PART_ZH[x.part] ?? x.part, x.message, x.calculation ?? "", x.code]);
      row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: highlightArgb(x.severity) } };
    }
  }
  ws.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}
