import { FormModel, FundsRow, Indicator, NumberCell } from "../model/types";
import { Grade, Profile } from "../profiles/profile";
import { budgetScore } from "./budgetScore";
import { D, Dec, HUNDRED, RoundingMode } from "../number/decimal";
import { isPercentFormat } from "../model/readNumber";
import { normalizeLabel } from "../grid/normalizeLabel";
import { isDeclaration } from "../locate/layout";
import { WeightStructure, weightStructure } from "./weights";
import { executionRate } from "./executionRate";
import { gradeFor } from "./grade";
import { IndicatorRule, scoreIndicator } from "./scoreIndicator";

export interface ScoredFunds {
  readonly row: FundsRow;
  readonly budget: Dec | null;
  readonly executed: Dec | null;
  /** 执行率 computed from the amounts, percent units; null when it cannot be computed. */
  readonly rate: Dec | null;
  /**
   * The printed 执行率 in percent units. A fraction (`0.958`, `1`) in a cell with no % is read as 95.8 / 100 when
   * that is what the amounts say (rules.md §1.6); `rateAsFraction` then records the convention, to compare at the
   * printed precision and to write back in kind.
   */
  readonly declaredRate: Dec | null;
  readonly rateAsFraction: boolean;
}

export interface ScoredIndicator {
  readonly indicator: Indicator;
  readonly weight: Dec | null;
  readonly declared: Dec | null;
  readonly rule: IndicatorRule | null;
  /** The rule score, or null when the rules cannot decide it. */
  readonly computed: Dec | null;
  /** What goes into the total: the accountant's 得分, or the rule score where the cell is blank. */
  readonly used: Dec | null;
  /** Whether the target was met (known even without a 分值), null when the rules cannot tell. */
  readonly met: boolean | null;
}

/**
 * Whether the form can be scored, and whether its 总分 is a verdict (rules.md §5): a form with no 分值/得分 at all is
 * read and checked, never scored; a form whose weights disagree, or that lacks a part it needs, has its scores
 * added up (to say what they come to) but gets no 总分 verdict, no 评分等级, and nothing of them written.
 */
export type Scoring =
  | { readonly kind: "verdict" }
  | { readonly kind: "noVerdict"; readonly reason: string }
  | { readonly kind: "unscored"; readonly reason: string };

/** A form with every derived number computed: the input of the checks and of the write plan. */
export interface ScoredForm {
  readonly model: FormModel;
  readonly profile: Profile;
  readonly funds: readonly ScoredFunds[];
  readonly fundsTotal?: ScoredFunds;
  /** 分数 as printed (a cell, else a label), or the profile's; 0 when the form scores its budget elsewhere. */
  readonly budgetWeight: Dec;
  readonly budgetWeightFrom: "cell" | "label" | "profile" | "none";
  readonly budgetScore: Dec | null;
  readonly indicators: readonly ScoredIndicator[];
  readonly weights: WeightStructure;
  /** 分数 + Σ the indicators' weights. */
  readonly weightSum: Dec;
  /** 预算执行得分 + Σ 得分: the arithmetic sum, a verdict only when `scoring.kind` is "verdict". */
  readonly totalScore: Dec | null;
  readonly scoring: Scoring;
  /** 评分等级: only for a verdict. */
  readonly grade: Grade | null;
}

/** The number a cell holds, or null (blank, `-`, or not a number). */
export function declared(cell: NumberCell | undefined): Dec | null {
  return cell?.reading.kind === "number" ? cell.reading.value : null;
}

/** The number a cell holds when it may enter a score: a negative amount, 分数/分值 or 得分 never does (NUMBER_NEGATIVE). */
function usable(x: Dec | null): Dec | null {
  return x !== null && x.isNegative() && !x.isZero() ? null : x;
}

function scoreFunds(row: FundsRow, profile: Profile): ScoredFunds {
  const budget = declared(row.budget);
  const executed = declared(row.executed);
  // a row with nothing typed has no rate (a blank form is not "0% executed"); on a part, one blank beside a number
  // counts as 0 (上年结转 with a budget of 0 and nothing typed spent); the total's blank is a missing amount
  // (totalAmountMissing), never 0 — its 执行率 would be 0.00 and its 预算执行得分 0 on a form that just lacks a figure
  const nothingTyped = row.budget.reading.kind === "none" && row.executed.reading.kind === "none";
  const absentIsZero = (x: Dec | null, cell: NumberCell) => x ?? (cell.reading.kind === "none" && !nothingTyped && row.kind !== "fundsTotal" ? new D(0) : null);
  const b = absentIsZero(budget, row.budget);
  const e = absentIsZero(executed, row.executed);
  // a negative amount is NUMBER_NEGATIVE: no rate is computed from it
  const negative = (b !== null && usable(b) === null) || (e !== null && usable(e) === null);
  const rate = b && e && !negative ? executionRate(b, e, profile.rounding) : null;
  const printed = declared(row.rate);
  const asFraction = printed !== null && rate !== null && isFractionOf(printed, rate, row.rate!);
  return { row, budget: b, executed: e, rate, declaredRate: asFraction ? printed!.times(HUNDRED) : printed, rateAsFraction: asFraction };
}

/**
 * One convention per column: once a row's rate reads as a fraction that agrees with its amounts, the column prints
 * fractions, and a row whose plain number is at most 1.5 (150 %) is a fraction too — wrong, but as a fraction.
 */
function byColumnConvention(funds: ScoredFunds[]): ScoredFunds[] {
  if (!funds.some((f) => f.rateAsFraction)) return funds;
  return funds.map((f) => {
    const printed = declared(f.row.rate);
    if (f.rateAsFraction || printed === null || !printed.lessThanOrEqualTo("1.5") || isPercentFormat(f.row.rate?.numberFormat) || f.row.rate?.text.endsWith("%")) return f;
    return { ...f, declaredRate: printed.times(HUNDRED), rateAsFraction: true };
  });
}

/**
 * A 执行率 printed as a fraction: a plain number (no % format, no % sign) that is not the rate in percent but is it
 * divided by 100, to within half a point (`0.958` for 95.83).
 */
function isFractionOf(printed: Dec, rate: Dec, cell: NumberCell): boolean {
  if (isPercentFormat(cell.numberFormat) || cell.text.endsWith("%") || printed.equals(rate)) return false;
  return printed.times(HUNDRED).minus(rate).abs().lessThanOrEqualTo("0.5");
}

function scoreOne(indicator: Indicator, profile: Profile): ScoredIndicator {
  const weight = declared(indicator.weight);
  const score = declared(indicator.score);
  const w = usable(weight);
  const rule = w ? scoreIndicator(indicator.target, indicator.actual, w, profile) : null;
  const computed = rule?.score ?? null;
  const blank = indicator.score === undefined || indicator.score.reading.kind === "none";
  // met or not does not depend on the weight: a form with no 分值 still misses or meets its targets
  const met = (rule ?? scoreIndicator(indicator.target, indicator.actual, new D(1), profile))?.met ?? null;
  return { indicator, weight, declared: score, rule, computed, used: blank ? computed : usable(score), met };
}

/** Whether the form prints any weight or score at all (a cell or a label): else it is read, never scored. */
function printsScores(model: FormModel): boolean {
  const t = model.funds.find((f) => f.kind === "fundsTotal");
  return (
    t?.weight !== undefined ||
    t?.score !== undefined ||
    model.budgetWeightLabel !== undefined ||
    model.indicatorBlocks.some((b) => b.hasWeightColumn || b.hasScoreColumn || b.weight !== null) ||
    model.level1Headings.length > 0
  );
}

/** The form's 预算执行得分 under a given rounding (to recognise a form computed the other way). */
export function budgetScoreUnder(form: ScoredForm, mode: RoundingMode): Dec | null {
  const t = form.fundsTotal;
  return t?.budget && t.executed ? budgetScore(form.budgetWeight, t.budget, t.executed, mode) : null;
}

/** A rate printed as a fraction agrees with the amounts when it is the computed rate (`0.9377` for 93.77 %, `1` for 100 %). */
export function fractionAgrees(f: ScoredFunds): boolean {
  return f.rate !== null && f.declaredRate !== null && f.declaredRate.equals(f.rate);
}

/**
 * A fraction printed with fewer places than the rate has (`0.958` for 95.86 %: 95.80 %, not 95.86 %) that is the rate
 * at that precision, either rounding: no wrong arithmetic, but not the 执行率 either — a warning, and rewritten.
 */
export function fractionAtPrintedPrecision(f: ScoredFunds): boolean {
  if (f.rate === null || f.declaredRate === null || f.row.rate?.reading.kind !== "number" || fractionAgrees(f)) return false;
  const places = Math.max(0, f.row.rate.reading.value.decimalPlaces() - 2);
  return [D.ROUND_DOWN, D.ROUND_HALF_UP].some((mode) => f.rate!.toDecimalPlaces(places, mode).equals(f.declaredRate!));
}

/**
 * Whether a form that prints no 分数 and no 得分 for its funds scores the budget elsewhere: as an indicator of its own
 * (`预算执行率` under 项目管理, the 决策/管理/产出/效益 framework), or with indicator weights that fill the 总分 on
 * their own. Then its 预算执行 adds 0, not the profile's 10.
 */
function budgetScoredElsewhere(model: FormModel): boolean {
  if (model.indicators.some((i) => /^(预算|资金)执行(率|情况)?$/.test(normalizeLabel(i.name.text)))) return true;
  const alone = weightStructure(model, new D(0));
  return alone.indicatorSum !== null && !alone.disagreements.some((d) => d.kind === "sum");
}

/** Compute 执行率, 预算执行得分, rule scores, 总分 and 评分等级 of a read form (rules.md §3, §5). */
export function scoreForm(model: FormModel, profile: Profile): ScoredForm {
  const funds = byColumnConvention(model.funds.map((r) => scoreFunds(r, profile)));
  const fundsTotal = funds.find((f) => f.row.kind === "fundsTotal");
  const fromCell = declared(fundsTotal?.row.weight);
  const budgetUnscored = fromCell === null && !model.budgetWeightLabel && fundsTotal?.row.score === undefined && budgetScoredElsewhere(model);
  const budgetWeight = fromCell ?? model.budgetWeightLabel?.weight ?? new D(budgetUnscored ? 0 : profile.budgetWeight);
  const budgetWeightFrom = fromCell ? "cell" : model.budgetWeightLabel ? "label" : budgetUnscored ? "none" : "profile";
  const indicators = model.indicators.map((i) => scoreOne(i, profile));
  const weights = weightStructure(model, budgetWeight);

  const scoring = scoringOf(model, weights, indicators, fundsTotal);
  // no score from a negative amount or 分数 (NUMBER_NEGATIVE)
  const bScore =
    scoring.kind !== "unscored" && fundsTotal?.budget && fundsTotal.executed && usable(fundsTotal.budget) && usable(fundsTotal.executed) && usable(budgetWeight)
      ? budgetScore(budgetWeight, fundsTotal.budget, fundsTotal.executed, profile.rounding)
      : null;
  // a blank 得分 the rules cannot fill leaves the sum undecided
  const undecided = indicators.some((i) => i.used === null && (i.weight !== null || i.indicator.score !== undefined));
  // a part the reader could not read is scored from nothing: no sum at all (it would be a sum of what happened to be read)
  const unread = model.missing.some((m) => m.unread);
  // a budget the form scores elsewhere adds nothing here
  const base = budgetUnscored && scoring.kind !== "unscored" ? new D(0) : bScore;
  const totalScore = base === null || undecided || unread ? null : indicators.reduce((sum, i) => sum.plus(i.used ?? 0), base);
  return {
    model,
    profile,
    funds,
    fundsTotal,
    budgetWeight,
    budgetWeightFrom,
    budgetScore: budgetUnscored ? null : bScore,
    indicators,
    weights,
    weightSum: weights.sum,
    totalScore,
    scoring,
    grade: totalScore === null || scoring.kind !== "verdict" ? null : gradeFor(totalScore, profile),
  };
}

/** A 得分 below 0 or above its 分值 (SCORE_OUT_OF_RANGE). */
export function scoreOutOfRange(s: ScoredIndicator): boolean {
  return s.declared !== null && s.weight !== null && (s.declared.isNegative() || s.declared.greaterThan(s.weight));
}

function scoringOf(model: FormModel, weights: WeightStructure, indicators: readonly ScoredIndicator[], fundsTotal: ScoredFunds | undefined): Scoring {
  if (isDeclaration(model.kind)) return { kind: "unscored", reason: "这是绩效目标申报表（目标表），只审核目标，不计分" };
  if (!printsScores(model)) return { kind: "unscored", reason: "表中没有分值和得分，只校验、不计分" };
  const sum = weights.disagreements.find((d) => d.kind === "sum");
  if (sum) return { kind: "noVerdict", reason: `分值合计为 ${sum.sum.toFixed(2)}，不是 ${sum.expected.toFixed(2)}，不给出总分和评分等级` };
  const heading = weights.disagreements.find((d) => d.kind === "heading");
  if (heading) return { kind: "noVerdict", reason: `“${heading.label.text.replace(/\s+/g, "")}”与其下分值不一致，不给出总分和评分等级` };
  const missing = model.missing.find((m) => m.severity === "error");
  if (missing) return { kind: "noVerdict", reason: `缺少${missing.part}，不给出总分和评分等级` };
  const unread = model.missing.find((m) => m.unread);
  if (unread) return { kind: "noVerdict", reason: `未能读取${unread.part}，不计算总分和评分等级` };
  // scores outside their range do not add up to a 总分 either (rules.md §5, issue 18): the sum is shown, not judged
  if (fundsTotal && fundsTotal.row.budget.reading.kind !== fundsTotal.row.executed.reading.kind && (fundsTotal.budget === null || fundsTotal.executed === null)) {
    const which = fundsTotal.budget === null ? "全年预算数" : "全年执行数";
    if (fundsTotal.row.budget.reading.kind === "none" || fundsTotal.row.executed.reading.kind === "none") return { kind: "noVerdict", reason: `年度资金总额的${which}未填写，预算执行得分无法计算，不给出总分和评分等级` };
  }
  const outside = indicators.find(scoreOutOfRange);
  if (outside) return { kind: "noVerdict", reason: `指标“${outside.indicator.name.text.replace(/\s+/g, "")}”的得分超出分值范围，不给出总分和评分等级` };
  if (fundsTotal?.budget?.isZero() && fundsTotal.executed?.isZero()) {
    return { kind: "noVerdict", reason: "年度资金总额的全年预算数和全年执行数都是 0，执行率和预算执行得分无法计算，不给出总分和评分等级" };
  }
  return { kind: "verdict" };
}
