/**
 * The shared real forms from Sichuan, Hubei and Anhui (rules.md §1.6) read exactly as their expected.json says, as
 * published and in every layout variant of the fixture builder; and each variant reads the same numbers and codes
 * as the form as printed.
 */
import { checkWorkbook } from "../../../src/app";
import { getProfile, Grid, SheetReport } from "../../../src/engine";
import { normalizeLabel } from "../../../src/engine/grid/normalizeLabel";
import { GRID_VARIANTS } from "../../fixtures/gridVariants";
import { missesOf, REAL_EXPECTED, REAL_FILES, realFormGrid } from "../../fixtures/realForms";

const profile = getProfile("putuo-2023")!;
const report = (grid: Grid): SheetReport => checkWorkbook([grid], profile).sheets[0].report;

/** What a reading says, without the cells (which move with the layout) and the label texts (which vary). */
function reading(r: SheetReport) {
  const f = r.form!;
  return {
    funds: f.funds.map((x) => [x.budget, x.executed, x.rate.declared, x.rate.computed, x.score?.declared ?? null, x.score?.computed ?? null]),
    indicators: f.indicators.map((i) => [normalizeLabel(i.name), normalizeLabel(i.target), normalizeLabel(i.actual), i.weight, i.score.declared, i.score.computed, i.kind]),
    total: [f.total.declared, f.total.computed, f.total.weight.declared],
    grade: f.grade.computed,
    scoring: f.scoring.kind,
    codes: r.findings.map((x) => `${x.code}:${x.severity}`).sort(),
  };
}

describe.each(REAL_FILES)("%s", (file) => {
  let printed: Grid;
  beforeAll(async () => {
    printed = await realFormGrid(file);
  });

  it.each(GRID_VARIANTS)("reads as expected.json says: %s", (_name, variant) => {
    const r = report(variant(printed));
    expect(missesOf(r, REAL_EXPECTED[file])).toEqual([]);
    expect(reading(r)).toEqual(reading(report(printed)));
  });
});

describe("what the real forms say, beyond expected.json", () => {
  it("Hubei: a 20-point budget from `得分(20分*执行率)`, weights only in labels that disagree (80 over 60 + 40): the sum, no verdict", async () => {
    const r = report(await realFormGrid("hb-district-2020-service-trade.xlsx"));
    const f = r.form!;
    expect(f.layout).toMatchObject({ weightsFrom: "level1Labels", budgetWeightFrom: "label", indicatorBlocks: 1, fundsRows: 1, goalBlock: false });
    expect(f.budgetScore).toEqual({ declared: "20.00", computed: "20.00", cell: "F9" });
    expect(f.total).toMatchObject({ declared: "100.00", computed: "120.00", cell: "G19" });
    expect(f.scoring.kind).toBe("noVerdict");
    expect(f.grade.computed).toBeNull();
    const byCode = (code: string) => r.findings.filter((x) => x.code === code).map((x) => [x.severity, x.cells[0], x.message]);
    expect(byCode("LEVEL1_HEADING_MISMATCH")).toEqual([["error", "A10", "“年度绩效目标(80分)”标明 80.00 分，但其下一级指标分值合计为 100.00，请核对分值"]]);
    expect(byCode("BUDGET_WEIGHT_NONSTANDARD")).toEqual([["warning", "F8", "预算执行分数为 20.00，标准为 10.00 分"]]);
    expect(byCode("TOTAL_MISMATCH")[0]?.slice(0, 2)).toEqual(["error", "G19"]);
    // 98%以上 is ≥ 98 %: met by 100 %
    expect(f.indicators.find((i) => i.target === "98%以上")).toMatchObject({ kind: "quantitative" });
  });

  it("Sichuan: 调整后预算数 / 预算执行数 / 权重, five funds rows, the split 指标性质 | 指标值 | 度量单位, 完成值 blank", async () => {
    const r = report(await realFormGrid("sc-qingshen-2023-salary.xlsx"));
    const f = r.form!;
    expect(f.funds.map((x) => [x.label, x.initialBudget, x.budget, x.executed])).toEqual([
      ["总额", "238.93", "251.89", "251.89"],
      ["其中：财政资金", "238.93", "251.89", "251.89"],
      ["财政专户管理资金", "0.00", "0.00", "0.00"],
      ["单位资金", "0.00", "0.00", "0.00"],
      ["其他资金", null, null, null],
    ]);
    expect(f.indicators.map((i) => [i.target, i.weight])).toEqual([
      ["=100(%)", "60.00"],
      ["=100(%)", "30.00"],
    ]);
    expect(f.total.weight).toMatchObject({ declared: "100.00", cell: "I17" });
    expect(r.findings.filter((x) => x.code === "VALUE_MISSING").map((x) => x.cells[0])).toEqual(["H15", "H16"]);
  });

  it("Anhui: ★ rows are indicators, compound units are read and scored, a missed ≤ target wants its 偏差原因", async () => {
    const r = report(await realFormGrid("ah-suixi-2019-temporary-relief.xlsx"));
    const f = r.form!;
    expect(f.indicators).toHaveLength(9);
    const ceiling = f.indicators.find((i) => i.target === "<=5300元/户")!;
    expect(ceiling).toMatchObject({ kind: "quantitative", score: { declared: "10.00", computed: "9.09" } });
    expect(r.findings.filter((x) => x.code === "DEVIATION_MISSING").map((x) => x.cells)).toEqual([["H18", "I18"]]);
    expect(r.findings.filter((x) => x.code === "TARGET_UNPARSEABLE")).toEqual([]);
  });

  it("Anhui: 其中 rows without 分值 are details of the ★ row above, never indicators of their own", async () => {
    const r = report(await realFormGrid("ah-xiaoxian-2023-planting-breeding-subsidy.xlsx"));
    const f = r.form!;
    expect(f.indicators.map((i) => i.weight)).toEqual(["20.00", "10.00", "10.00", "5.00", "5.00", "20.00", "10.00"]);
    expect(f.layout.detailRows).toBe(7);
    expect(r.findings.filter((x) => x.code === "LEVEL1_HEADING_MISMATCH")).toEqual([]);
    expect(r.findings.filter((x) => x.code === "GOAL_ACTUAL_COPIED").map((x) => x.cells)).toEqual([["F9", "B9"]]);
  });
});
