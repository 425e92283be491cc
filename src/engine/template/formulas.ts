import { Profile } from "../profiles/profile";

/**
 * The live formulas of a 自评表 (rules.md §3), written so that any spreadsheet (Excel, WPS, LibreOffice)
 * computes the derived cells without the add-in. Arguments are A1 addresses; results have no leading "=".
 *
 * Binary floats: 0.29*100 is 28.999999999999996, which a ROUNDDOWN(…,2) on the raw binary value cuts to
 * 28.99. Excel and LibreOffice round to 15 significant digits first and print 29.00; a spreadsheet that does
 * not would be wrong. Every quotient is therefore first rounded to 10 decimals, `ROUNDDOWN(ROUND(x,10),2)`,
 * which removes the noise (it sits near the 15th significant digit) and changes a true result only when its
 * 3rd to 10th decimals are all 9 (or, half-up, 49999999) — far rarer than the noise it removes.
 */

/** `ROUNDDOWN` for truncate, `ROUND` for half-up: the profile's round2 as a spreadsheet function. */
export function round2Formula(expression: string, profile: Profile): string {
  const fn = profile.rounding === "truncate" ? "ROUNDDOWN" : "ROUND";
  return `${fn}(ROUND(${expression},10),2)`;
}

/**
 * 执行率 of one funds row, in percent: blank while both amounts are blank, and for budget 0 and nothing spent (0 ÷ 0
 * is no rate: EXEC_RATE_UNDEFINED); `-` for spending without a budget (nothing to divide by: BUDGET_ZERO_WITH_SPENDING).
 * @example executionRateFormula("E6", "F6", putuo) //=> 'IF(COUNT(E6:F6)=0,"",IF(E6=0,IF(F6=0,"","-"),ROUNDDOWN(ROUND(F6*100/E6,10),2)))'
 */
export function executionRateFormula(budget: string, executed: string, profile: Profile): string {
  return guardedByBudget(budget, executed, round2Formula(`${executed}*100/${budget}`, profile));
}

/** 预算执行得分 = round2(分数 × min(执行数 / 预算数, 1)), from the amounts, not the printed rate. */
export function budgetScoreFormula(weight: string, budget: string, executed: string, profile: Profile): string {
  return guardedByBudget(budget, executed, round2Formula(`${weight}*MIN(${executed}/${budget},1)`, profile));
}

function guardedByBudget(budget: string, executed: string, expression: string): string {
  return `IF(COUNT(${budget}:${executed})=0,"",IF(${budget}=0,IF(${executed}=0,"","-"),${expression}))`;
}

/** 总分: blank until a score is entered; the sum is cleaned to 2 decimals so the grade bands compare exactly. */
export function totalScoreFormula(budgetScore: string, scores: string): string {
  return `IF(COUNT(${budgetScore},${scores})=0,"",ROUND(SUM(${budgetScore},${scores}),2))`;
}

/** The 分值 of the 总分 row: 分数 + Σ 分值. */
export function totalWeightFormula(budgetWeight: string, weights: string): string {
  return `ROUND(SUM(${budgetWeight},${weights}),2)`;
}

/**
 * 评分等级 by the profile's bands, highest first.
 * @example gradeFormula("H23", putuo) //=> 'IF(ISNUMBER(H23),IF(H23>=90,"优",IF(H23>=80,"良",IF(H23>=60,"中","差"))),"")'
 */
export function gradeFormula(total: string, profile: Profile): string {
  const chain = profile.gradeBands.reduceRight<string>((rest, band) => `IF(${total}>=${band.min},"${band.grade}",${rest})`, `"差"`);
  return `IF(ISNUMBER(${total}),${chain},"")`;
}
