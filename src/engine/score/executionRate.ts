import { Dec, HUNDRED, round2, RoundingMode } from "../number/decimal";

/**
 * 执行率 in percent = round2(全年执行数 × 100 / 全年预算数). Multiplying before dividing keeps exact
 * quotients exact. Budget 0 → null: with spending there is nothing to divide by, and 0 ÷ 0 is no rate either (issue
 * 18: a row with no money was "0.00 % executed" before, which says the project failed; it says nothing).
 * @example executionRate(new D("97.68"), new D("91.60"), "truncate")?.toFixed(2) //=> "93.77"
 */
export function executionRate(budget: Dec, executed: Dec, mode: RoundingMode): Dec | null {
  if (budget.isZero()) return null;
  return round2(executed.times(HUNDRED).dividedBy(budget), mode);
}
