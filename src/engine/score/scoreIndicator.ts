import { normalizeLabel, normalizeProse } from "../grid/normalizeLabel";
import { Actual, Target } from "../model/parseTarget";
import { Profile } from "../profiles/profile";
import { QUALITATIVE_WORDS } from "../vocabulary";
import { D, Dec, round2 } from "../number/decimal";

/** How a qualitative indicator was completed, from its 实际完成值. */
export type QualitativeStatus = "达成" | "部分达成" | "未达成" | "unknown";

const ACHIEVED = new Set<string>(QUALITATIVE_WORDS.achieved);
const PARTIAL = new Set<string>(QUALITATIVE_WORDS.partial);
const MISSED = new Set<string>(QUALITATIVE_WORDS.missed);

export function qualitativeStatus(actualText: string, targetText: string): QualitativeStatus {
  const a = normalizeLabel(actualText);
  if (ACHIEVED.has(a)) return "达成";
  if (PARTIAL.has(a)) return "部分达成";
  if (MISSED.has(a)) return "未达成";
  if (a !== "" && normalizeProse(actualText) === normalizeProse(targetText)) return "达成";
  return "unknown";
}

export type IndicatorRule =
  /** A number target and a number actual: the score follows from the rule. */
  | { readonly kind: "quantitative"; readonly met: boolean; readonly score: Dec; readonly forward: boolean }
  /** Words: the accountant judges the score within the band of the status. */
  | { readonly kind: "qualitative"; readonly status: QualitativeStatus; readonly met: boolean | null; readonly score: Dec | null; readonly band: { min: Dec; max: Dec; maxInclusive: boolean } | null };

/** ≥ > = and a bare number want more; ≤ < want less, and so does `=0` (zero incidents: nothing is better). */
function forwardOp(op: string, target: Dec): boolean {
  if (op === "=") return target.greaterThan(0);
  return op === ">=" || op === ">" || op === "implicit";
}

/**
 * Score (before rounding) and whether the target is met. Forward targets (≥ > = bare) earn 分值 × actual / target
 * when missed; reverse ones (≤ <) 分值 × target / actual (`ratio`) or 分值 × (2·target − actual) / target (`linear`).
 * A target of 0 or less can only be met or not. Multiplying before dividing keeps exact results exact.
 */
function quantitativeScore(op: string, target: Dec, actual: Dec, weight: Dec, profile: Profile): { met: boolean; raw: Dec } {
  if (forwardOp(op, target)) {
    if (target.lessThanOrEqualTo(0)) {
      const met = op === ">" ? actual.greaterThan(target) : actual.greaterThanOrEqualTo(target);
      return { met, raw: met ? weight : new D(0) };
    }
    if (actual.greaterThanOrEqualTo(target)) return { met: true, raw: weight };
    return { met: false, raw: weight.times(D.max(actual, 0)).dividedBy(target) };
  }
  if (actual.lessThanOrEqualTo(target)) return { met: true, raw: weight };
  if (target.lessThanOrEqualTo(0)) return { met: false, raw: new D(0) };
  if (profile.reverseScoring === "ratio") return { met: false, raw: weight.times(target).dividedBy(actual) };
  return { met: false, raw: weight.times(D.max(0, target.times(2).minus(actual))).dividedBy(target) };
}

/**
 * The rule score of one indicator (rules.md §3). Quantitative: full 分值 when the target is met,
 * otherwise proportional; qualitative: the band its status allows (a blank 达成 earns full marks).
 */
export function scoreIndicator(target: Target, actual: Actual, weight: Dec, profile: Profile): IndicatorRule | null {
  if (target.kind === "quantitative" && actual.kind === "number") {
    const q = quantitativeScore(target.op, target.value, actual.value, weight, profile);
    return { kind: "quantitative", met: q.met, score: round2(q.raw, profile.rounding), forward: forwardOp(target.op, target.value) };
  }
  if (target.kind === "empty" || actual.kind === "empty") return null;
  const targetText = target.kind === "quantitative" ? "" : target.text;
  const status = qualitativeStatus(actual.kind === "text" ? actual.text : "", targetText);
  const achieved = new D(profile.qualitativeBands.achieved);
  const partial = new D(profile.qualitativeBands.partial);
  switch (status) {
    case "达成":
      return { kind: "qualitative", status, met: true, score: round2(weight, profile.rounding), band: { min: weight.times(achieved), max: weight, maxInclusive: true } };
    case "部分达成":
      return { kind: "qualitative", status, met: false, score: null, band: { min: weight.times(partial), max: weight.times(achieved), maxInclusive: false } };
    case "未达成":
      return { kind: "qualitative", status, met: false, score: null, band: { min: new D(0), max: weight.times(partial), maxInclusive: false } };
    case "unknown":
      return { kind: "qualitative", status, met: null, score: null, band: null };
  }
}

export function inBand(score: Dec, band: { min: Dec; max: Dec; maxInclusive: boolean }): boolean {
  return score.greaterThanOrEqualTo(band.min) && (band.maxInclusive ? score.lessThanOrEqualTo(band.max) : score.lessThan(band.max));
}
