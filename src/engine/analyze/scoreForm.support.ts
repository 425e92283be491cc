import { budgetScore as computeBudgetScore } from "../score/budgetScore";
import { Dec, RoundingMode } from "../score/decimal";
import { ScoredForm } from "./scoreForm";

/** The form's 预算执行得分 under a given rounding (used to recognise forms computed the other way). */
export function budgetScore(form: ScoredForm, mode: RoundingMode): Dec | null {
  const t = form.totalFunds;
  return t?.budget && t.executed ? computeBudgetScore(form.budgetWeight, t.budget, t.executed, mode) : null;
}
