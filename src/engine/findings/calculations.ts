import { ScoredForm, ScoredFunds } from "../score/scoreForm";
import { n2 } from "./format";

/** How each derived number was computed, as the user reads it: shown with findings and in the task pane. */

/** `91.60 ÷ 97.68 × 100 = 93.77` */
export function rateCalculation(f: ScoredFunds): string {
  return `${n2(f.executed)} ÷ ${n2(f.budget)} × 100 = ${n2(f.rate)}`;
}

/** `10.00 × min(91.60 ÷ 97.68, 1) = 9.37` */
export function budgetScoreCalculation(form: ScoredForm): string {
  const t = form.fundsTotal;
  return `${n2(form.budgetWeight)} × min(${n2(t?.executed)} ÷ ${n2(t?.budget)}, 1) = ${n2(form.budgetScore)}`;
}

/** `9.37 + 87.00 = 96.37` (预算执行得分 + Σ indicator 得分) */
export function totalCalculation(form: ScoredForm): string {
  if (form.totalScore === null || form.budgetScore === null) return "";
  return `${n2(form.budgetScore)} + ${n2(form.totalScore.minus(form.budgetScore))} = ${n2(form.totalScore)}`;
}
