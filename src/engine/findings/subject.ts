import { sameCell } from "../grid/cellRef";
import { normalizeProse } from "../grid/normalizeLabel";
import { ScoredForm } from "../score/scoreForm";
import { Finding } from "./codes";

/**
 * What a finding is about, in the form's own words rather than by cell: `指标：采购设备正常使用率`, `资金：年度资金总额`,
 * `总分`, `评分等级`, `目标：实际完成情况`. A decision about a finding (忽略 with a reason) is keyed by it, so that it
 * survives rows inserted above the form and the form moved on its sheet.
 */
export function subjectOf(form: ScoredForm, finding: Finding): string {
  const cell = finding.cells[0];
  if (!cell) return "表格";
  const m = form.model;
  const indicator = m.indicators.find((i) => i.row === cell.row);
  if (indicator) return `指标：${normalizeProse(indicator.name.text)}`;
  const funds = m.funds.find((f) => f.label.cell.row === cell.row);
  if (funds) return `资金：${normalizeProse(funds.label.text)}`;
  if (m.totalRow && m.totalRow.label.cell.row === cell.row) return "总分";
  if (m.grade && sameCell(m.grade.value.cell, cell)) return "评分等级";
  if (m.goal.expected && sameCell(m.goal.expected.cell, cell)) return "目标：预期目标";
  if (m.goal.actual && sameCell(m.goal.actual.cell, cell)) return "目标：实际完成情况";
  const heading = [...m.level1Headings.map((h) => h.label), ...m.indicatorBlocks.flatMap((b) => (b.label ? [b.label] : []))].find((l) => sameCell(l.cell, cell));
  if (heading) return `标题：${normalizeProse(heading.text)}`;
  return "表格";
}

/** The key of a decision about a finding: the project, the code and the subject (never an A1 address). */
export function findingKey(form: ScoredForm, finding: Finding): string {
  return [normalizeProse(form.model.projectName?.text ?? ""), finding.code, subjectOf(form, finding)].join("|");
}
