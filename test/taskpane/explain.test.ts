/**
 * Every number of the summary explained (issue 21 item 4): 总分 as 预算执行得分 + 指标得分, 等级 with its band and the
 * bands of the 评分方案, the 100% clause only when the 执行率 is over 100%, and "—" never without its reason.
 */
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { figures, gradeBandsText } from "../../src/taskpane/explain";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";

const putuo = getProfile("putuo-2023")!;
const formOf = (spec: ReturnType<typeof seedSheet>["spec"]) => sheetReport(analyzeSheet(specToGrid(spec), putuo)).form!;

describe("figures of a form", () => {
  it("seed form 1: every number with how it was computed, the grade with its band and the bands, no 100% clause at 93.77%", () => {
    const f = figures(formOf(seedSheet(SEED_FORMS[0]).spec), putuo);
    expect(f.rate).toEqual({ value: "93.77%", calculation: "91.60 ÷ 97.68 × 100% = 93.77%", reason: null });
    expect(f.budgetScore).toEqual({ value: "9.37", calculation: "10.00 × 91.60 ÷ 97.68 = 9.37", reason: null });
    expect(f.total).toEqual({ value: "96.37", calculation: "预算执行得分 9.37 + 指标得分 87.00 = 96.37", reason: null });
    expect(f.grade).toEqual({ value: "优", calculation: "总分 96.37 ≥ 90，评为“优”", reason: null, bands: "90 分及以上为优，80～90 分为良，60～80 分为中，60 分以下为差" });
    expect(JSON.stringify(f)).not.toContain("超过 100%");
  });

  it("an execution over the budget says the 100% cap, and only then", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0]);
    // 全年执行数 of the 年度资金总额 row raised above its 全年预算数
    const executedCol = spec.cells.find((c) => c.value === 91.6)!;
    const over = withCells(spec, [{ row: executedCol.row, col: executedCol.col, value: 120 }]);
    const f = figures(formOf(over), putuo);
    expect(f.budgetScore.calculation).toBe("执行率超过 100%，按 100% 计：10.00 × 100% = 10.00");
    expect(layout.totalRow).toBeGreaterThan(0);
  });

  it("a grade in a lower band names both its bounds", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0]);
    const low = withCells(spec, [{ ...layout.at(layout.firstIndicatorRow, 8), value: 0 }, { ...layout.at(layout.firstIndicatorRow + 1, 8), value: 0 }]);
    const f = figures(formOf(low), putuo);
    expect(f.grade?.calculation).toMatch(/^(80 ≤ 总分 [\d.]+ < 90，评为“良”|60 ≤ 总分 [\d.]+ < 80，评为“中”|总分 [\d.]+ < 60，评为“差”)$/);
  });

  it("no “—” without its reason: a blank 全年预算数, a 0 budget", () => {
    const { spec } = seedSheet(SEED_FORMS[0]);
    // 全年预算数: the cell just left of the 全年执行数 91.60 of the 年度资金总额 row
    const executed = spec.cells.find((c) => c.value === 91.6)!;
    const budget = { row: executed.row, col: executed.col - 1 };
    expect(spec.cells.find((c) => c.row === budget.row && c.col === budget.col)?.value).toBe(97.68);
    for (const value of [null, 0]) {
      const f = figures(formOf(withCells(spec, [{ row: budget.row, col: budget.col, value }])), putuo);
      for (const fig of [f.rate, f.budgetScore, f.total, ...(f.grade ? [f.grade] : [])]) {
        if (fig.value === "—") expect(fig.reason).toMatch(/\S/);
      }
      expect(f.rate.value).toBe("—");
      expect(f.rate.reason).toMatch(value === null ? /全年预算数未填写或不是数字/ : /全年预算数为 0/);
    }
  });

  it("the bands come from the 评分方案", () => {
    expect(gradeBandsText({ ...putuo, gradeBands: [{ grade: "优", min: "85" }, { grade: "良", min: "70" }, { grade: "中", min: "60" }] })).toBe("85 分及以上为优，70～85 分为良，60～70 分为中，60 分以下为差");
  });
});
