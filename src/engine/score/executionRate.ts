import { D, Dec, HUNDRED, round2, RoundingMode } from "../number/decimal";

/**
 * 执行率 in percent = round2(全年执行数 × 100 / 全年预算数). Multiplying before dividing keeps exact
 * quotients exact. Budget 0 and executed 0 → 0.00; budget 0 with spending → null (nothing to divide by).
 * @example executionRate(new D("97.68"), new D("91.60"), "truncate")?.toFixed(2) //=> "93.77"
 */
export function executionRate(budget: Dec, executed: Dec, mode: RoundingMode): Dec | null {
  if (budget.isZero()) return executed.isZero() ? new D(0) : null;
  return round2(executed.times(HUNDRED).dividedBy(budget), mode);
}
