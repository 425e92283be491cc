import { ScoredForm, ScoredFunds } from "../score/scoreForm";
import { n2 } from "./format";

/** How each derived number was computed, as the user reads it: shown with findings and in the task pane. */

/** `91.60 ÷ 97.68 × 100% = 93.77%` */
export function rateCalculation(f: ScoredFunds): string {
  return `${n2(f.executed)} ÷ ${n2(f.budget)} × 100% = ${n2(f.rate)}%`;
}

/**
 * `10.00 × 91.60 ÷ 97.68 = 9.37` (written as accountants write it); the 100% cap is said only when it applies:
 * `执行率超过 100%，按 100% 计：10.00 × 100% = 10.00`.
 */
export function budgetScoreCalculation(form: ScoredForm): string {
  const t = form.fundsTotal;
  if (t?.executed && t.budget && !t.budget.isZero() && t.executed.greaterThanOrEqualTo(t.budget)) {
    const over = t.executed.greaterThan(t.budget) ? "执行率超过 100%，按 100% 计：" : "";
    return `${over}${n2(form.budgetWeight)} × 100% = ${n2(form.budgetScore)}`;
  }
  return `${n2(form.budgetWeight)} × ${n2(t?.executed)} ÷ ${n2(t?.budget)} = ${n2(form.budgetScore)}`;
}

/** `预算执行得分 9.37 + 指标得分 87.00 = 96.37` */
export function totalCalculation(form: ScoredForm): string {
  if (form.totalScore === null) return "";
  if (form.budgetWeightFrom === "none") return `指标得分合计 ${n2(form.totalScore)}（预算执行在指标中计分）`;
  if (form.budgetScore === null) return "";
  return `预算执行得分 ${n2(form.budgetScore)} + 指标得分 ${n2(form.totalScore.minus(form.budgetScore))} = ${n2(form.totalScore)}`;
}
