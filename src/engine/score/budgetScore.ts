import { Dec, round2, RoundingMode } from "../number/decimal";

/**
 * 预算执行得分 = round2(分数 × min(全年执行数 / 全年预算数, 1)), from the amounts, not the printed rate; null when the
 * budget is 0 (no rate: rules.md §3 as amended by issue 18).
 * @example budgetScore(new D(10), new D("97.68"), new D("91.60"), "truncate")?.toFixed(2) //=> "9.37"
 */
export function budgetScore(weight: Dec, budget: Dec, executed: Dec, mode: RoundingMode): Dec | null {
  if (budget.isZero()) return null;
  if (executed.greaterThanOrEqualTo(budget)) return round2(weight, mode);
  return round2(weight.times(executed).dividedBy(budget), mode);
}
