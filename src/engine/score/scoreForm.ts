import { FormModel, FundsRow, Indicator, NumberCell } from "../model/types";
import { Grade, Profile } from "../profiles/profile";
import { budgetScore } from "./budgetScore";
import { D, Dec, RoundingMode } from "../number/decimal";
import { executionRate } from "./executionRate";
import { gradeFor } from "./grade";
import { IndicatorRule, scoreIndicator } from "./scoreIndicator";

export interface ScoredFunds {
  readonly row: FundsRow;
  readonly budget: Dec | null;
  readonly executed: Dec | null;
  /** 执行率 computed from the amounts, percent units; null when it cannot be computed. */
  readonly rate: Dec | null;
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
}

/** A form with every derived number computed: the input of the checks and of the write plan. */
export interface ScoredForm {
  readonly model: FormModel;
  readonly profile: Profile;
  readonly funds: readonly ScoredFunds[];
  readonly fundsTotal?: ScoredFunds;
  /** 分数 as printed, or the profile's when the cell is blank. */
  readonly budgetWeight: Dec;
  readonly budgetScore: Dec | null;
  readonly indicators: readonly ScoredIndicator[];
  /** 分数 + Σ 分值. */
  readonly weightSum: Dec;
  readonly totalScore: Dec | null;
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
  // a row with nothing typed has no rate (a blank form is not "0% executed"); one blank beside a number counts as 0
  const nothingTyped = row.budget.reading.kind === "none" && row.executed.reading.kind === "none";
  const absentIsZero = (x: Dec | null, cell: NumberCell) => x ?? (cell.reading.kind === "none" && !nothingTyped ? new D(0) : null);
  const b = absentIsZero(budget, row.budget);
  const e = absentIsZero(executed, row.executed);
  const negative = (b !== null && usable(b) === null) || (e !== null && usable(e) === null);
  return { row, budget: b, executed: e, rate: b && e && !negative ? executionRate(b, e, profile.rounding) : null };
}

function scoreOne(indicator: Indicator, profile: Profile): ScoredIndicator {
  const weight = declared(indicator.weight);
  const score = declared(indicator.score);
  const w = usable(weight);
  const rule = w ? scoreIndicator(indicator.target, indicator.actual, w, profile) : null;
  const computed = rule?.score ?? null;
  return { indicator, weight, declared: score, rule, computed, used: indicator.score.reading.kind === "none" ? computed : usable(score) };
}

/** The form's 预算执行得分 under a given rounding (to recognise a form computed the other way). */
export function budgetScoreUnder(form: ScoredForm, mode: RoundingMode): Dec | null {
  const t = form.fundsTotal;
  return t?.budget && t.executed ? budgetScore(form.budgetWeight, t.budget, t.executed, mode) : null;
}

/** Compute 执行率, 预算执行得分, rule scores, 总分 and 评分等级 of a read form (rules.md §3). */
export function scoreForm(model: FormModel, profile: Profile): ScoredForm {
  const funds = model.funds.map((r) => scoreFunds(r, profile));
  const fundsTotal = funds.find((f) => f.row.kind === "fundsTotal");
  const budgetWeight = declared(fundsTotal?.row.weight) ?? new D(profile.budgetWeight);
  const bScore =
    fundsTotal?.budget && fundsTotal.executed && usable(fundsTotal.budget) && usable(fundsTotal.executed) && usable(budgetWeight) ? budgetScore(budgetWeight, fundsTotal.budget, fundsTotal.executed, profile.rounding) : null;
  const indicators = model.indicators.map((i) => scoreOne(i, profile));
  const weightSum = indicators.reduce((sum, i) => sum.plus(i.weight ?? 0), budgetWeight);
  const undecided = indicators.some((i) => i.used === null && i.weight !== null);
  const totalScore =
    bScore === null || undecided ? null : indicators.reduce((sum, i) => sum.plus(i.used ?? 0), bScore);
  return {
    model,
    profile,
    funds,
    fundsTotal,
    budgetWeight,
    budgetScore: bScore,
    indicators,
    weightSum,
    totalScore,
    grade: totalScore === null ? null : gradeFor(totalScore, profile),
  };
}
