import { ScoredIndicator, scoreOutOfRange as outOfRange } from "../../score/scoreForm";
import { Indicator, Level1Kind } from "../../model/types";
import { LEVEL1_KINDS, LEVELS, level2Belongs, level2Key } from "../../vocabulary";
import { D, Dec } from "../../number/decimal";
import { inBand } from "../../score/scoreIndicator";
import { Finding } from "../codes";
import { n2 } from "../format";
import { makeFinding } from "../makeFinding";
import { Check } from "./check";
import { amountsUnit } from "./fundsChecks";
import { isDeclaration } from "../../locate/layout";

const isLevel2 = (i: Indicator, word: string) => level2Key(i.level2.text).includes(word);
const hasDeviation = (i: Indicator) => i.deviation !== undefined && i.deviation.text.trim() !== "";

function percentActual(i: Indicator): Dec | null {
  if (i.actual.kind !== "number") return null;
  const unit = i.actual.unit || (i.target.kind === "quantitative" ? i.target.unit : "");
  return unit === "%" ? i.actual.value : null;
}

/** VALUE_MISSING: an indicator without 年度指标值, 实际完成值 or 分值. */
export const valueMissing: Check = (form) =>
  form.indicators.flatMap(({ indicator: i }) => {
    const out: Finding[] = [];
    const name = i.name.text || `第 ${i.row} 行指标`;
    // a target marked `—` on purpose beside an actual (a process indicator judged by its text) is no blank
    const marked = i.targetText.text !== "" && i.actual.kind !== "empty";
    if (i.target.kind === "empty" && !marked) out.push(makeFinding("VALUE_MISSING", [i.targetText.cell], { name, what: "年度指标值" }));
    // `无` or `/` as the actual with the reason beside it (`没有轮换、动用库存`) is answered, not missing
    const explained = i.actualText.text !== "" && hasDeviation(i);
    if (i.actual.kind === "empty" && !explained) out.push(makeFinding("VALUE_MISSING", [i.actualText.cell], { name, what: "实际完成值" }));
    if (i.weight?.reading.kind === "none") out.push(makeFinding("VALUE_MISSING", [i.weight.cell], { name, what: "分值" }));
    return out;
  });

/** LEVEL1_HEADING_MISMATCH: a label's weight (`产出指标(50分)`, `年度绩效目标(80分)`) that what is under it does not add up to. */
export const level1HeadingMismatch: Check = (form) =>
  form.weights.disagreements.flatMap((d) =>
    d.kind === "heading"
      ? [makeFinding("LEVEL1_HEADING_MISMATCH", [d.label.cell], { label: d.label.text.replace(/\s+/g, ""), heading: n2(d.heading), sum: n2(d.sum), under: d.under === "rows" ? "指标分值" : "一级指标分值" })]
      : [],
  );

/**
 * The weight of each 一级 from the finest level the form prints — its rows' 分值, else its label (`产出指标(60分)`) —
 * and the cell to point at.
 */
function level1Totals(form: Parameters<Check>[0]): Map<Level1Kind, { sum: Dec; cell: Indicator["level1"]["cell"] }> {
  const totals = new Map<Level1Kind, { sum: Dec; cell: Indicator["level1"]["cell"] }>();
  if (form.weights.from === "column") {
    for (const s of form.indicators) {
      if (s.weight === null) continue;
      const entry = totals.get(s.indicator.level1Kind) ?? { sum: new D(0), cell: s.indicator.level1.cell };
      totals.set(s.indicator.level1Kind, { sum: entry.sum.plus(s.weight), cell: entry.cell });
    }
  } else {
    for (const h of form.model.level1Headings) {
      const entry = totals.get(h.kind) ?? { sum: new D(0), cell: h.label.cell };
      totals.set(h.kind, { sum: entry.sum.plus(h.weight), cell: entry.cell });
    }
  }
  return totals;
}

/**
 * LEVEL1_WEIGHT_NONSTANDARD: 产出/效益/满意度 totals other than the profile's. A 成本 一级 (the 2021 layout) takes its
 * share of what the profile gives 产出: the two are weighed together.
 */
export const level1WeightNonstandard: Check = (form) => {
  const totals = level1Totals(form);
  const cost = totals.get("cost");
  return LEVEL1_KINDS.flatMap((kind) => {
    let entry = totals.get(kind);
    let name = LEVELS[kind].name;
    if (kind === "output" && cost) {
      entry = { sum: cost.sum.plus(entry?.sum ?? 0), cell: entry?.cell ?? cost.cell };
      name = "产出指标和成本指标";
    }
    const standard = new D(form.profile.level1Weights[kind]);
    if (!entry || entry.sum.equals(standard)) return [];
    return [makeFinding("LEVEL1_WEIGHT_NONSTANDARD", [entry.cell], { level1: name, sum: n2(entry.sum), standard: n2(standard) })];
  });
};

/** LEVEL2_INVALID: a 二级 that does not belong to its 一级. */
export const level2Invalid: Check = (form) => {
  const seen = new Set<string>();
  return form.indicators.flatMap(({ indicator: i }) => {
    if (i.level1Kind === "unknown" || i.level2.text === "") return [];
    if (level2Belongs(i.level1Kind, i.level2.text)) return [];
    const key = `${i.level2.cell.row}:${i.level2.cell.col}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [makeFinding("LEVEL2_INVALID", [i.level2.cell], { level1: i.level1.text.replace(/\s+/g, ""), level2: i.level2.text.replace(/\s+/g, ""), allowed: LEVELS[i.level1Kind].level2.join("、") })];
  });
};

/**
 * MISSING_SATISFACTION: no 满意度 indicator at all — under a 满意度 一级, or as the 二级 `社会公众或服务对象满意度指标`
 * under 效益, where the 2015 central template puts it.
 */
export const missingSatisfaction: Check = (form) => {
  if (form.indicators.length === 0 || form.indicators.some((s) => s.indicator.level1Kind === "satisfaction" || isLevel2(s.indicator, "满意"))) return [];
  const last = form.indicators[form.indicators.length - 1].indicator;
  return [makeFinding("MISSING_SATISFACTION", [form.model.totalRow?.label.cell ?? last.level1.cell])];
};

/** SCORE_OUT_OF_RANGE: 得分 < 0 or > 分值. */
export const scoreOutOfRange: Check = (form) =>
  form.indicators.filter(outOfRange).map((s) => makeFinding("SCORE_OUT_OF_RANGE", [s.indicator.score?.cell], { name: s.indicator.name.text, score: n2(s.declared), weight: n2(s.weight) }));

/** How a rule score was reached, for the message and the task pane. */
export function ruleCalculation(s: ScoredIndicator): string {
  const i = s.indicator;
  const rule = s.rule;
  if (!rule || s.weight === null) return "";
  if (rule.kind === "qualitative") {
    return rule.band ? `完成情况“${rule.status}”，得分在 ${n2(rule.band.min)}～${n2(rule.band.max)} 之间` : "";
  }
  if (rule.met) return `${i.actualText.text} 已达到 ${i.targetText.text}，得满分 ${n2(s.weight)}`;
  if (i.target.kind !== "quantitative" || i.actual.kind !== "number") return "";
  const [a, t] = [n2(i.actual.value), n2(i.target.value)];
  if (i.target.value.lessThanOrEqualTo(0)) return `未达到 ${i.targetText.text}，得 0 分`;
  return rule.forward ? `${n2(s.weight)} × ${a} ÷ ${t} = ${n2(s.computed)}` : `${n2(s.weight)} × ${t} ÷ ${a} = ${n2(s.computed)}`;
}

/** SCORE_RULE_MISMATCH: a typed 得分 that the rule does not give (quantitative) or outside its band (qualitative). */
export const scoreRuleMismatch: Check = (form) =>
  form.indicators.flatMap((s): Finding[] => {
    const { rule, declared } = s;
    if (!rule || declared === null || outOfRange(s)) return [];
    const params = { name: s.indicator.name.text, declared: n2(declared) };
    const calc = ruleCalculation(s);
    if (rule.kind === "quantitative") {
      if (declared.equals(rule.score)) return [];
      const reason = rule.met ? "已达到年度指标值，应得满分" : `未达到年度指标值，按完成比例计分：${calc}`;
      return [makeFinding("SCORE_RULE_MISMATCH", [s.indicator.score?.cell, s.indicator.actualText.cell], { ...params, expected: n2(rule.score), reason }, { calculation: calc })];
    }
    if (!rule.band || inBand(declared, rule.band)) return [];
    const expected = `${n2(rule.band.min)}～${n2(rule.band.max)}`;
    return [makeFinding("SCORE_RULE_MISMATCH", [s.indicator.score?.cell, s.indicator.actualText.cell], { ...params, expected, reason: `完成情况为“${rule.status}”，得分应在 ${expected} 之间` }, { calculation: calc })];
  });

/** DEVIATION_MISSING: points deducted or target missed, and no 偏差原因分析及改进措施. */
export const deviationMissing: Check = (form) =>
  form.indicators.flatMap((s) => {
    const i = s.indicator;
    if (!i.deviation || hasDeviation(i)) return [];
    const deducted = s.used !== null && s.weight !== null && s.used.lessThan(s.weight);
    const missed = s.met === false;
    if (!deducted && !missed) return [];
    const why = deducted ? `得分 ${n2(s.used)} 低于分值 ${n2(s.weight)}` : "未完成年度指标值";
    return [makeFinding("DEVIATION_MISSING", [i.score?.cell ?? i.actualText.cell, i.deviation.cell], { name: i.name.text, why })];
  });

/** SCORE_NEEDS_JUDGEMENT: a blank 得分 the rules cannot fill (部分达成, or a completion the engine cannot read). */
export const scoreNeedsJudgement: Check = (form) =>
  form.indicators.flatMap((s) => {
    const i = s.indicator;
    if (!i.score || i.score.reading.kind !== "none" || s.computed !== null || s.weight === null) return [];
    if (i.target.kind === "empty" || i.actual.kind === "empty") return [];
    const band = s.rule?.kind === "qualitative" && s.rule.band ? `${s.rule.status}：${n2(s.rule.band.min)}～${n2(s.rule.band.max)} 分` : `0～${n2(s.weight)} 分`;
    return [makeFinding("SCORE_NEEDS_JUDGEMENT", [i.score.cell, i.actualText.cell], { name: i.name.text, actual: i.actualText.text, band })];
  });

/** OVERACHIEVED_UNEXPLAINED: actual ≥ factor × a forward target, without an explanation. */
export const overachievedUnexplained: Check = (form) => {
  const factor = new D(form.profile.overachieveFactor);
  return form.indicators.flatMap(({ indicator: i, rule }) => {
    if (!i.deviation || hasDeviation(i) || rule?.kind !== "quantitative" || !rule.forward) return [];
    if (i.target.kind !== "quantitative" || i.actual.kind !== "number" || i.target.value.lessThanOrEqualTo(0)) return [];
    if (i.actual.value.lessThan(i.target.value.times(factor))) return [];
    const ratio = i.actual.value.dividedBy(i.target.value).toFixed(2); // for display only, not a score
    return [makeFinding("OVERACHIEVED_UNEXPLAINED", [i.actualText.cell, i.deviation.cell], { name: i.name.text, actual: i.actualText.text, target: i.targetText.text, ratio })];
  });
};

/** TARGET_TRIVIAL: a target that cannot fail. */
export const targetTrivial: Check = (form) =>
  form.indicators.flatMap(({ indicator: i }) => {
    const t = i.target;
    if (t.kind !== "quantitative") return [];
    const forwardZero = (t.op === ">=" || t.op === ">" || t.op === "implicit") && t.value.lessThanOrEqualTo(0);
    const capZero = (t.op === "=" || t.op === "<=" || t.op === "<") && t.value.lessThanOrEqualTo(0) && (t.unit === "%" || isLevel2(i, "数量"));
    return forwardZero || capZero ? [makeFinding("TARGET_TRIVIAL", [i.targetText.cell], { name: i.name.text, target: i.targetText.text })] : [];
  });

/** TARGET_UNPARSEABLE: a comparison sign without a readable number (`≥9O%`). */
export const targetUnparseable: Check = (form) =>
  form.indicators
    .filter(({ indicator: i }) => i.target.kind === "unparseable")
    .map(({ indicator: i }) => makeFinding("TARGET_UNPARSEABLE", [i.targetText.cell], { name: i.name.text, target: i.targetText.text }));

/** TARGET_NOT_QUANTIFIED: words as the target of a 数量/成本 or 满意度 indicator. */
export const targetNotQuantified: Check = (form) =>
  form.indicators.flatMap(({ indicator: i }) => {
    if (i.target.kind !== "qualitative") return [];
    const level = i.level1Kind === "satisfaction" ? "满意度" : isLevel2(i, "数量") ? "数量" : isLevel2(i, "成本") ? "成本" : null;
    // on a 申报表 a number is still to be set: a warning there (rules.md §7.2)
    const severity = isDeclaration(form.model.kind) ? "warning" : undefined;
    return level ? [makeFinding("TARGET_NOT_QUANTIFIED", [i.targetText.cell], { name: i.name.text, target: i.targetText.text, level }, { severity })] : [];
  });

/** UNIT_MISMATCH: target and actual carry different units. */
export const unitMismatch: Check = (form) =>
  form.indicators.flatMap(({ indicator: i }) => {
    if (i.target.kind !== "quantitative" || i.actual.kind !== "number") return [];
    const [tu, au] = [i.target.unit, i.actual.unit];
    return tu && au && tu !== au ? [makeFinding("UNIT_MISMATCH", [i.actualText.cell, i.targetText.cell], { name: i.name.text, targetUnit: tu, actualUnit: au })] : [];
  });

/** PERCENT_OUT_OF_RANGE: a % actual below 0, or above 100 on a 率 or 满意度 indicator. */
export const percentOutOfRange: Check = (form) =>
  form.indicators.flatMap(({ indicator: i }) => {
    const p = percentActual(i);
    if (p === null) return [];
    const isRate = /率|满意/.test(i.name.text) || i.level1Kind === "satisfaction";
    const bad = p.isNegative() || (isRate && p.greaterThan(100));
    return bad ? [makeFinding("PERCENT_OUT_OF_RANGE", [i.actualText.cell], { name: i.name.text, actual: n2(p) })] : [];
  });

/**
 * A cost per unit (`元/人`, `万元/公里`, `配套资金每人每年`, `人均…`) is no total: it is not compared with the funds
 * (rules.md §1.6).
 */
function isPerUnit(i: Indicator): boolean {
  const units = [i.actual.kind === "number" ? i.actual.unit : "", i.target.kind === "quantitative" ? i.target.unit : ""];
  return units.some((u) => u.includes("/")) || /每(人|户|年|月|天|次|亩|公里|个|件|台|套|平方米|吨)|人均|户均|单价|单位成本|平均/.test(i.name.text);
}

/**
 * The money unit of a 成本 indicator's actual (or, without one, its target): `150万` on a cost is 150 万元, as a funds
 * cell reads it.
 */
function costUnit(i: Indicator): string {
  const unit = i.actual.kind === "number" && i.actual.unit ? i.actual.unit : i.target.kind === "quantitative" ? i.target.unit : "";
  return unit === "万" ? "万元" : unit;
}

/** COST_INCONSISTENT: a 成本指标 in % far from the 执行率, or one in 万元 other than 全年执行数. */
export const costInconsistent: Check = (form) => {
  const t = form.fundsTotal;
  if (!t) return [];
  // several costs in money (`办公 15万元`, `维修 35万元`, `水电 14.8万元`) are the parts of one: their sum is compared
  const amounts = form.indicators.filter(({ indicator: i }) => isLevel2(i, "成本") && i.actual.kind === "number" && !isPerUnit(i) && ["万元", "元"].includes(costUnit(i)));
  if (amounts.length > 1 && t.executed !== null) {
    const unit = amountsUnit(form).unit;
    const inWan = (x: Dec, u: string) => (u === "元" ? x.dividedBy(10000) : x);
    const sum = amounts.reduce((s, { indicator: i }) => s.plus(i.actual.kind === "number" ? inWan(i.actual.value, costUnit(i)) : 0), new D(0));
    if (sum.equals(inWan(t.executed, unit))) return [];
  }
  return form.indicators.flatMap(({ indicator: i }) => {
    if (!isLevel2(i, "成本") || i.actual.kind !== "number" || isPerUnit(i)) return [];
    const p = percentActual(i);
    if (p !== null) {
      if (t.rate === null || p.minus(t.rate).abs().lessThanOrEqualTo(new D(form.profile.costTolerance))) return [];
      return [makeFinding("COST_INCONSISTENT", [i.actualText.cell, t.row.rate?.cell ?? t.row.executed.cell], { name: i.name.text, actual: `${n2(p)}%`, against: "执行率", expected: `${n2(t.rate)}%` })];
    }
    const unit = costUnit(i);
    if ((unit !== "万元" && unit !== "元") || t.executed === null) return [];
    const toUnit = (x: Dec, from: string) => (from === unit ? x : from === "元" ? x.dividedBy(10000) : x.times(10000));
    // amounts typed in 元 under a 万元 heading are compared as what they are (AMOUNT_UNIT_SUSPECT says so)
    const executed = toUnit(t.executed, amountsUnit(form).unit);
    if (executed.equals(i.actual.value)) return [];
    return [makeFinding("COST_INCONSISTENT", [i.actualText.cell, t.row.executed.cell], { name: i.name.text, actual: `${i.actual.value.toFixed(2)}${unit}`, against: "全年执行数", expected: `${executed.toFixed(2)}${unit}` })];
  });
};
