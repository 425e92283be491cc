import { budgetScoreUnder } from "../../score/scoreForm";
import { D, otherMode } from "../../number/decimal";
import { gradeFor, readGrade } from "../../score/grade";
import { n2 } from "../format";
import { makeFinding } from "../makeFinding";
import { totalCalculation } from "../calculations";
import { Check } from "./check";
import { compareDerived } from "./derivedValue";

/** WEIGHT_SUM_MISMATCH: 分数 + the indicators' weights ≠ the 总分 row's 分值 (100 when it prints none). */
export const weightSumMismatch: Check = (form) =>
  form.weights.disagreements.flatMap((d) => {
    if (d.kind !== "sum") return [];
    const params = { expected: n2(d.expected), sum: n2(d.sum), budgetWeight: n2(form.budgetWeight), indicatorWeights: n2(d.indicatorWeights) };
    const calculation = `${n2(form.budgetWeight)} + ${n2(d.indicatorWeights)} = ${n2(d.sum)}`;
    return [makeFinding("WEIGHT_SUM_MISMATCH", [d.cell], params, { calculation })];
  });

/** TOTAL_MISMATCH (or FORMULA_DISAGREES) on the 总分 cell. */
export const totalMismatch: Check = (form) => {
  const cell = form.model.totalRow?.score;
  const budget = form.budgetWeightFrom === "none" ? new D(0) : form.budgetScore;
  if (form.totalScore === null || budget === null) return [];
  const indicatorScores = form.totalScore.minus(budget);
  // the same form scored with the other rounding: a consistent half-up form is a warning, not an error
  const other = form.budgetWeightFrom === "none" ? null : budgetScoreUnder(form, otherMode(form.profile.rounding));
  const otherTotal = other === null ? null : indicatorScores.plus(other);
  const finding = compareDerived(cell, form.totalScore, otherTotal, "TOTAL_MISMATCH", "总分", { budgetScore: n2(budget), indicatorScores: n2(indicatorScores) }, totalCalculation(form));
  return finding ? [finding] : [];
};

/** GRADE_MISMATCH (or FORMULA_DISAGREES) on the 评分等级 cell. */
export const gradeMismatch: Check = (form) => {
  const g = form.model.grade?.value;
  if (!g || g.text === "" || form.grade === null || form.totalScore === null) return [];
  if (readGrade(g.text) === form.grade) return [];
  const bands = form.profile.gradeBands.map((b) => `${b.grade} ≥ ${b.min}`).join("，") + "，其余为差";
  if (g.formula !== undefined) {
    return [makeFinding("FORMULA_DISAGREES", [g.cell], { what: "评分等级", result: g.text, computed: form.grade })];
  }
  return [makeFinding("GRADE_MISMATCH", [g.cell], { declared: g.text, computed: gradeFor(form.totalScore, form.profile), total: n2(form.totalScore), bands })];
};
