import { DeclaredFundsRow, NumberCell } from "../../model/types";
import { D, Dec } from "../../number/decimal";
import { LEVELS } from "../../vocabulary";
import { Finding } from "../codes";
import { fundsLabel, n2 } from "../format";
import { makeFinding } from "../makeFinding";
import { Check } from "./check";
import { partsAddUp } from "./fundsChecks";
import { isNegative } from "./negativeNumbers";

/**
 * The 目标审核 of a 绩效目标申报表 (rules.md §7.2): what a finance bureau checks in the targets a project declares
 * before its year — its amounts add up, every 一级 has an indicator, targets can fail, can be read and are numbers
 * where the 二级 asks for one, the 年度目标 is written, and no cost exceeds the money.
 */

const value = (c: NumberCell): Dec | null => (c.reading.kind === "number" ? c.reading.value : null);

/** FUNDS_SUM_MISMATCH: the year's 年度资金总额 ≠ its parts (as the hierarchy they print allows). */
export const declaredFundsSum: Check = (form) => {
  const rows = form.model.declaredFunds;
  const total = rows.find((r) => r.kind === "fundsTotal");
  const parts = rows.filter((r) => r.kind !== "fundsTotal");
  const t = total && value(total.amount);
  if (!total || t === null || t === undefined || parts.length === 0 || !parts.some((p) => value(p.amount) !== null)) return [];
  if (parts.some((p) => p.amount.reading.kind === "invalid")) return []; // VALUE_NOT_NUMBER says so
  const amounts = parts.map((p) => ({ value: value(p.amount) ?? new D(0), subtotal: p.kind === "subtotal", label: fundsLabel(p.label.text) }));
  const leaves = amounts.filter((a) => !a.subtotal);
  const sum = leaves.reduce((s, a) => s.plus(a.value), new D(0));
  if (sum.equals(t) || partsAddUp(t, amounts)) return [];
  const partsText = leaves.map((a) => a.value.toFixed(2)).join(" + ");
  return [makeFinding("FUNDS_SUM_MISMATCH", [total.amount.cell, ...parts.map((p) => p.amount.cell)], { column: "年度资金", total: n2(t), sum: n2(sum), parts: partsText }, { calculation: `${partsText} = ${n2(sum)}` })];
};

/** VALUE_NOT_NUMBER and NUMBER_NEGATIVE on the declared amounts. */
export const declaredAmounts: Check = (form) =>
  form.model.declaredFunds.flatMap((r: DeclaredFundsRow): Finding[] => {
    const what = `“${fundsLabel(r.label.text)}”的金额`;
    if (r.amount.reading.kind === "invalid") return [makeFinding("VALUE_NOT_NUMBER", [r.amount.cell], { what, text: r.amount.reading.text })];
    if (isNegative(r.amount) && r.amount.reading.kind === "number") return [makeFinding("NUMBER_NEGATIVE", [r.amount.cell], { what, value: r.amount.reading.value.toFixed(2) })];
    return [];
  });

/** VALUE_MISSING: a declared indicator without its 年度指标值 (a 申报表 has no 实际完成值 to miss). */
export const declaredValueMissing: Check = (form) =>
  form.indicators.flatMap(({ indicator: i }) => (i.target.kind === "empty" && i.targetText.text === "" ? [makeFinding("VALUE_MISSING", [i.targetText.cell], { name: i.name.text || `第 ${i.row} 行指标`, what: "年度指标值" })] : []));

/** LEVEL1_MISSING: no indicator at all under 产出 or 效益 (满意度: MISSING_SATISFACTION). */
export const level1Missing: Check = (form) => {
  if (form.indicators.length === 0) return [];
  const kinds = new Set(form.indicators.map((s) => s.indicator.level1Kind));
  const cell = form.indicators[0].indicator.level1.cell;
  return (["output", "benefit"] as const).filter((k) => !kinds.has(k) && !(k === "output" && kinds.has("cost"))).map((k) => makeFinding("LEVEL1_MISSING", [cell], { level1: LEVELS[k].name }));
};

/** GOAL_MISSING: the 年度目标 declared empty. */
export const declaredGoal: Check = (form) => {
  const expected = form.model.goal.expected;
  return expected && expected.text === "" ? [makeFinding("GOAL_MISSING", [expected.cell], { which: "年度目标" })] : [];
};

/** COST_INCONSISTENT: a 成本 target in 万元 (or 元) above the year's 年度资金总额 — a cost the money cannot pay. */
export const declaredCostAboveFunds: Check = (form) => {
  const total = form.model.declaredFunds.find((r) => r.kind === "fundsTotal");
  const t = total && value(total.amount);
  if (!t) return [];
  const unit = form.model.amountUnit;
  return form.indicators.flatMap(({ indicator: i }) => {
    if (!i.level2.text.replace(/\s+/g, "").includes("成本") || i.target.kind !== "quantitative" || !["万元", "元"].includes(i.target.unit) || /\//.test(i.target.unit)) return [];
    const inUnit = i.target.unit === unit ? i.target.value : i.target.unit === "元" ? i.target.value.dividedBy(10000) : i.target.value.times(10000);
    if (inUnit.lessThanOrEqualTo(t)) return [];
    return [makeFinding("COST_INCONSISTENT", [i.targetText.cell, total!.amount.cell], { name: i.name.text, actual: `${i.target.value.toFixed(2)}${i.target.unit}`, against: "年度资金总额", expected: `${t.toFixed(2)}${unit}` })];
  });
};
