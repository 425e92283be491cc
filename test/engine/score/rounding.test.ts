/**
 * Every place that rounds (执行率, 预算执行得分, the indicator rule score, and 总分 through them) follows the profile's
 * rounding, with inputs whose results differ under truncation and half-up: hard-coding either rounding anywhere makes
 * one of these fail. The qualitative bands are checked at their edges, so making an exclusive bound inclusive (or
 * the other way) fails too.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../../src/app";
import { customizeProfile, getProfile, Profile } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { D, Dec } from "../../../src/engine/number/decimal";
import { budgetScore } from "../../../src/engine/score/budgetScore";
import { executionRate } from "../../../src/engine/score/executionRate";
import { inBand, scoreIndicator } from "../../../src/engine/score/scoreIndicator";
import { parseActual, parseTarget } from "../../../src/engine/model/parseTarget";
import { changedForm } from "../../fixtures/cleanForm";

const putuo = getProfile("putuo-2023")!;
const mof = getProfile("mof-2020")!;
const FC_RUNS = Number(process.env.FC_RUNS ?? 500);
const seed = process.env.CI ? 20261125 : undefined;

describe("each place that rounds, on inputs where truncation and half-up differ", () => {
  it.each([
    ["truncate", putuo, "93.77", "9.37"],
    ["half-up", mof, "93.78", "9.38"],
  ] as const)("执行率 and 预算执行得分 (%s): 91.60 ÷ 97.68", (_n, profile, rate, score) => {
    expect(executionRate(new D("97.68"), new D("91.60"), profile.rounding)!.toFixed(2)).toBe(rate);
    expect(budgetScore(new D(10), new D("97.68"), new D("91.60"), profile.rounding)!.toFixed(2)).toBe(score);
  });

  it.each([
    ["truncate", putuo, "6.66", "1.66"],
    ["half-up", mof, "6.67", "1.67"],
  ] as const)("indicator rule score (%s): forward 10 × 2 ÷ 3, reverse 5 × 1 ÷ 3", (_n, profile, forward, reverse) => {
    const rule = (t: string, a: string, w: string) => scoreIndicator(parseTarget(t), parseActual(a), new D(w), profile)!.score!.toFixed(2);
    expect(rule("≥3(次)", "2(次)", "10")).toBe(forward);
    expect(rule("≤1(次)", "3(次)", "5")).toBe(reverse);
  });

  it.each([
    // the clean form (seed form 1) with its 年度资金总额 91.60 / 97.68 and one indicator missed by a third, 得分 blank:
    // 总分 = 预算执行得分 + the indicators' 得分, the blank one replaced by its rule score
    ["truncate", putuo, { rate: "93.77", budgetScore: "9.37", rule: "6.66", total: "96.03" }],
    ["half-up", mof, { rate: "93.78", budgetScore: "9.38", rule: "6.67", total: "96.05" }],
  ] as const)("the whole pipeline (%s), 总分 included", (_n, profile, expected) => {
    // row 16: 采购设备正常使用率 (分值 10) — target ≥3, actual 2, 得分 blank
    const spec = changedForm([
      { row: 16, col: 5, value: "≥3.00(次)" },
      { row: 16, col: 6, value: "2.00(次)" },
      { row: 16, col: 8, value: null },
      { row: 16, col: 9, value: "未完成" },
    ]);
    const [sheet] = checkWorkbook([specToGrid(spec)], profile).sheets;
    const f = sheet.report.form!;
    expect(f.funds[0].rate.computed).toBe(expected.rate);
    expect(f.budgetScore.computed).toBe(expected.budgetScore);
    expect(f.indicators[1].score.computed).toBe(expected.rule);
    expect(f.total.computed).toBe(expected.total);
    // and the write plan writes exactly those numbers
    const writes = Object.fromEntries(sheet.plan!.writes.map((w) => [w.kind, w.value]));
    expect(writes.indicatorScore).toBe(Number(expected.rule));
  });
});

describe("qualitative bands at their edges (rules.md §3: 达成 [0.8, 1], 部分达成 [0.6, 0.8), 未达成 [0, 0.6))", () => {
  const band = (actual: string, weight: string, profile: Profile = putuo) => {
    const r = scoreIndicator(parseTarget("及时"), parseActual(actual), new D(weight), profile);
    if (r?.kind !== "qualitative" || !r.band) throw new Error("no band");
    return r.band;
  };
  it.each([
    ["达成", "10", "8", true],
    ["达成", "10", "10", true],
    ["达成", "10", "7.99", false],
    ["达成", "10", "10.01", false],
    ["部分达成", "10", "6", true],
    ["部分达成", "10", "7.99", true],
    ["部分达成", "10", "8", false],
    ["部分达成", "10", "5.99", false],
    ["未达成", "10", "0", true],
    ["未达成", "10", "5.99", true],
    ["未达成", "10", "6", false],
  ])("%s, 分值 %s, 得分 %s → in band: %s", (actual, weight, score, inside) => {
    expect(inBand(new D(score), band(actual, weight))).toBe(inside);
  });

  it("property: under any band settings, each band holds its lower bound and excludes its upper one, but 达成 holds the full 分值", () => {
    const hundredths = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => new D(n).dividedBy(100));
    fc.assert(
      fc.property(hundredths(1, 100_00), hundredths(2, 100), fc.nat(), (weight: Dec, achieved: Dec, p: number) => {
        const partial = achieved.times(p % 100).dividedBy(100).toDecimalPlaces(2, D.ROUND_DOWN);
        if (!partial.lessThan(achieved) || partial.isZero()) return;
        const profile = customizeProfile(putuo, { qualitativeBands: { achieved: achieved.toString(), partial: partial.toString() } });
        const edges = { achieved: weight.times(achieved), partial: weight.times(partial) };
        const a = band("达成", weight.toString(), profile);
        expect([inBand(edges.achieved, a), inBand(weight, a), inBand(weight.plus("0.01"), a)]).toEqual([true, true, false]);
        const pb = band("部分达成", weight.toString(), profile);
        expect([inBand(edges.partial, pb), inBand(edges.achieved, pb)]).toEqual([true, false]);
        const m = band("未达成", weight.toString(), profile);
        expect([inBand(new D(0), m), inBand(edges.partial, m)]).toEqual([true, false]);
      }),
      { numRuns: FC_RUNS, seed },
    );
  });
});

describe("quantitative rule score under every profile setting (property)", () => {
  const settings: Profile[] = (["truncate", "halfUp"] as const).flatMap((rounding) =>
    (["ratio", "linear"] as const).map((reverseScoring) => customizeProfile(putuo, { rounding, reverseScoring })),
  );
  const amount = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new D(n).dividedBy(100));

  it.each(settings.map((p) => [`${p.rounding}/${p.reverseScoring}`, p] as const))("%s", (_n, profile) => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 100_00 }), fc.boolean(), (target: Dec, actual: Dec, w: number, forward: boolean) => {
        const weight = new D(w).dividedBy(100);
        const op = forward ? "≥" : "≤";
        const r = scoreIndicator(parseTarget(`${op}${target.toFixed(2)}(次)`), parseActual(`${actual.toFixed(2)}(次)`), weight, profile);
        if (r?.kind !== "quantitative") throw new Error("not quantitative");
        const met = forward ? actual.greaterThanOrEqualTo(target) : actual.lessThanOrEqualTo(target);
        expect(r.met).toBe(met);
        if (met) return expect(r.score.equals(weight)).toBe(true);
        const exact = forward
          ? weight.times(actual).dividedBy(target)
          : profile.reverseScoring === "ratio"
            ? weight.times(target).dividedBy(actual)
            : weight.times(D.max(0, target.times(2).minus(actual))).dividedBy(target);
        expect(r.score.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(r.score.greaterThanOrEqualTo(0) && r.score.lessThanOrEqualTo(weight)).toBe(true);
        if (profile.rounding === "truncate") expect(r.score.lessThanOrEqualTo(exact) && exact.minus(r.score).lessThan("0.01")).toBe(true);
        else expect(exact.minus(r.score).abs().lessThanOrEqualTo("0.005")).toBe(true);
      }),
      { numRuns: FC_RUNS, seed },
    );
  });
});
