import { budgetScore } from "../../../src/engine/score/budgetScore";
import { D, fromSpreadsheetNumber, round2 } from "../../../src/engine/number/decimal";
import { executionRate } from "../../../src/engine/score/executionRate";
import { gradeFor, readGrade } from "../../../src/engine/score/grade";
import { qualitativeStatus, scoreIndicator } from "../../../src/engine/score/scoreIndicator";
import { parseActual, parseTarget } from "../../../src/engine/model/parseTarget";
import { customizeProfile, getProfile } from "../../../src/engine";
import { readNumber, readPercent } from "../../../src/engine/model/readNumber";
import fc from "fast-check";

const putuo = getProfile("putuo-2023")!;
const mof = getProfile("mof-2020")!;

describe("round2", () => {
  it.each([
    ["93.7756", "truncate", "93.77"],
    ["93.7756", "halfUp", "93.78"],
    ["9.549", "truncate", "9.54"],
    ["9.545", "halfUp", "9.55"],
    ["-1.005", "truncate", "-1.00"],
    ["-1.005", "halfUp", "-1.01"],
    ["0", "truncate", "0.00"],
    ["29", "truncate", "29.00"],
  ] as const)("%s %s → %s", (x, mode, out) => expect(round2(new D(x), mode).toFixed(2)).toBe(out));

  it("0.29 × 100 is 29.00, not the float 28.999999999999996", () => {
    expect(round2(new D("0.29").times(100), "truncate").toFixed(2)).toBe("29.00");
    expect(round2(fromSpreadsheetNumber(0.29 * 100), "truncate").toFixed(2)).toBe("29.00");
  });
});

describe("fromSpreadsheetNumber", () => {
  it.each([
    [9.370000000000001, "9.37"],
    [28.999999999999996, "29"],
    [0.1 + 0.2, "0.3"],
    [6194.72, "6194.72"],
    [1e21, "1e+21"],
    [-0.000001234, "-0.000001234"],
    [123456789012345.6, "123456789012346"],
  ])("%s is %s (15 significant digits, as Excel keeps)", (n, out) => expect(fromSpreadsheetNumber(n).eq(new D(out))).toBe(true));

  it("the short path and its cache agree with toPrecision(15) on any double", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.integer({ min: 0, max: 10000 }).map((c) => c * 0.01 * 100)), (n) => {
        expect(fromSpreadsheetNumber(n).eq(new D(n.toPrecision(15)))).toBe(true);
        expect(fromSpreadsheetNumber(n).eq(new D(n.toPrecision(15)))).toBe(true); // the cached one too
      }),
      { numRuns: 5000 },
    );
  });
});

describe("执行率 and 预算执行得分 (the seed forms)", () => {
  it.each([
    ["97.68", "91.60", "93.77", "9.37"],
    ["139.00", "138.78", "99.84", "9.98"],
    ["18.30", "2.22", "12.13", "1.21"],
    ["55.00", "52.52", "95.49", "9.54"],
    ["37.50", "30.50", "81.33", "8.13"],
    ["33.13", "32.29", "97.46", "9.74"],
    ["6194.72", "6194.72", "100.00", "10.00"],
    ["100", "120", "120.00", "10.00"],
  ])("budget %s executed %s → %s%%, score %s", (b, e, rate, score) => {
    expect(executionRate(new D(b), new D(e), "truncate")!.toFixed(2)).toBe(rate);
    expect(budgetScore(new D(10), new D(b), new D(e), "truncate")!.toFixed(2)).toBe(score);
  });
  it("budget 0 has no rate and no score, with spending or without (0 ÷ 0: issue 18)", () => {
    expect(executionRate(new D(0), new D(0), "truncate")).toBeNull();
    expect(budgetScore(new D(10), new D(0), new D(0), "truncate")).toBeNull();
    expect(executionRate(new D(0), new D(5), "truncate")).toBeNull();
    expect(budgetScore(new D(10), new D(0), new D(5), "truncate")).toBeNull();
  });
  it("multiplies before dividing: 3 of 9 at 分数 3 is 1.00, not 0.99", () => {
    expect(budgetScore(new D(3), new D(9), new D(3), "truncate")!.toFixed(2)).toBe("1.00");
  });
});

describe("scoreIndicator", () => {
  const score = (target: string, actual: string, weight: string, profile = putuo) => {
    const r = scoreIndicator(parseTarget(target), parseActual(actual), new D(weight), profile);
    return r && { met: r.met, score: r.score?.toFixed(2) ?? null };
  };
  it.each([
    ["≥99.00(%)", "99.00(%)", "20", true, "20.00"],
    ["≥90(%)", "81(%)", "10", false, "9.00"],
    ["=103(台)", "100(台)", "40", false, "38.83"],
    ["≤2.00(小时)", "0.10(小时)", "5", true, "5.00"],
    ["≤2(小时)", "3(小时)", "5", false, "3.33"],
    ["≤0(个)", "0(个)", "5", true, "5.00"],
    ["=0(%)", "1(%)", "4", false, "0.00"],
    ["≥0(%)", "80(%)", "10", true, "10.00"],
    ["100%", "98%", "10", false, "9.80"],
    ["及时", "达成指标", "10", true, "10.00"],
    ["合格", "合格", "10", true, "10.00"],
    ["完整", "部分达成", "10", false, null],
    ["完整", "正在推进", "10", null, null],
  ])("%s / %s / 分值 %s", (t, a, w, met, s) => expect(score(t, a, w)).toEqual({ met, score: s }));

  it("a reverse target missed scores linearly under a profile that says so", () => {
    expect(score("≤2(小时)", "3(小时)", "5", customizeProfile(putuo, { reverseScoring: "linear" }))).toEqual({ met: false, score: "2.50" });
  });
  it("mof-2020 rounds half up: 10 × 2 ÷ 3 = 6.67 (6.66 truncated)", () => {
    expect(score("=3(次)", "2(次)", "10", mof)).toEqual({ met: false, score: "6.67" });
    expect(score("=3(次)", "2(次)", "10", putuo)).toEqual({ met: false, score: "6.66" });
  });
  it("qualitative statuses", () => {
    expect(qualitativeStatus("达成年度指标", "")).toBe("达成");
    expect(qualitativeStatus("基本达成", "")).toBe("部分达成");
    expect(qualitativeStatus("未完成", "")).toBe("未达成");
    expect(qualitativeStatus("提高城市运行效率", "提高城市运行效率。")).toBe("达成");
  });
});

describe("评分等级", () => {
  it.each([["96.37", "优"], ["90.00", "优"], ["89.99", "良"], ["80", "良"], ["60", "中"], ["59.99", "差"]])("%s → %s", (t, g) =>
    expect(gradeFor(new D(t), putuo)).toBe(g),
  );
  it("reads the words people type", () => {
    expect(readGrade(" 优秀 ")).toBe("优");
    expect(readGrade("良好")).toBe("良");
    expect(readGrade("A")).toBeNull();
  });
});

describe("reading number cells", () => {
  it.each([
    [{ value: "12,566.54" }, "12566.54"],
    [{ value: " 97.68 " }, "97.68"],
    [{ value: "９７.６８" }, "97.68"],
    [{ value: 9.370000000000001 }, "9.37"],
  ])("%j", (cell, out) => {
    const r = readNumber(cell);
    expect(r.kind === "number" && r.value.toString()).toBe(out);
  });
  it.each([[{ value: "-" }], [{ value: "—" }], [{ value: "/" }], [{ value: null }], [undefined]])("%j is none", (cell) =>
    expect(readNumber(cell).kind).toBe("none"),
  );
  it("text that is no number is invalid", () => expect(readNumber({ value: "九十" })).toEqual({ kind: "invalid", text: "九十" }));
  it.each([
    [{ value: 0.9377, numberFormat: "0.00%" }, "93.77"],
    [{ value: "93.77%" }, "93.77"],
    [{ value: 93.77 }, "93.77"],
  ])("percent %j", (cell, out) => {
    const r = readPercent(cell);
    expect(r.kind === "number" && r.value.toString()).toBe(out);
  });
});
