/**
 * Synthetic layouts of rules.md §1.6 built from the clean form (seed form 1 made correct): no goal block, the goal
 * block above the funds table or below the indicator table, two indicator blocks each with its own header row, and
 * the rows that are not indicators (其中 details, `/` rows); rates printed as fractions; costs per unit.
 */
import { checkWorkbook } from "../../../src/app";
import { getProfile, Grid, SheetReport } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { CellChange, changedForm } from "../../fixtures/cleanForm";
import { copyRow, editGrid, insertRows, mapRows, moved } from "../../fixtures/gridVariants";

const profile = getProfile("putuo-2023")!;
const report = (grid: Grid): SheetReport => checkWorkbook([grid], profile).sheets[0].report;
const clean = (changes: CellChange[] = []) => specToGrid(changedForm(changes));

/** The numbers and codes of a reading, without cells. */
function reading(r: SheetReport) {
  const f = r.form!;
  return {
    funds: f.funds.map((x) => [x.budget, x.executed, x.rate.computed, x.score?.computed ?? null]),
    indicators: f.indicators.map((i) => [i.name, i.weight, i.score.declared, i.score.computed]),
    total: [f.total.declared, f.total.computed],
    grade: f.grade.computed,
    goal: f.layout.goalBlock,
    codes: r.findings.map((x) => `${x.code}:${x.severity}`).sort(),
  };
}

const codes = (r: SheetReport) => r.findings.map((x) => `${x.code}:${x.severity}`).sort();

describe("layouts of other provinces (synthetic)", () => {
  const base = reading(report(clean()));

  it("the clean form itself: 99.37, 优, no finding", () => {
    expect(base).toMatchObject({ total: ["99.37", "99.37"], grade: "优", goal: true, codes: [] });
  });

  it("no goal block: the same numbers, and only an info that it is missing", () => {
    const r = report(mapRows(clean(), (row) => (row >= 10 && row <= 13 ? null : row)));
    expect(reading(r)).toEqual({ ...base, goal: false, codes: ["FIELD_MISSING:info"] });
    expect(r.findings[0].message).toContain("年度总体目标");
  });

  it("the goal block above the funds table (as Sichuan prints it)", () => {
    const grid = mapRows(clean(), (row) => (row >= 10 && row <= 13 ? row - 5 : row >= 5 && row <= 9 ? row + 4 : row));
    expect(reading(report(grid))).toEqual(base);
  });

  it("the goal block below the indicator table and the 评分等级 row", () => {
    const grid = mapRows(clean(), (row) => (row >= 10 && row <= 13 ? row + 14 : row >= 14 && row <= 23 ? row - 4 : row));
    const r = report(grid);
    expect(reading(r)).toEqual(base);
    expect(r.form!.total.cell).toBe("H18");
  });

  describe("two indicator blocks, each with its header row and a label with its weight", () => {
    /** Column A freed for the block labels; a second header row inserted before 效益指标 (row 19). */
    const twoBlocks = (first: string, second: string) => {
      let g = insertRows(moved(clean(), 0, 1), 19, 1);
      g = copyRow(g, 14, 19);
      return editGrid(g, [
        { row: 14, col: 1, value: first },
        { row: 19, col: 1, value: second },
      ]);
    };

    it("年度绩效目标1(50分) over 产出, 年度绩效目标2(40分) over 效益 and 满意度: the same reading as one table", () => {
      const r = report(twoBlocks("年度绩效目标1(50分)", "年度绩效目标2(40分)"));
      expect(reading(r)).toEqual(base);
      expect(r.form!.layout.indicatorBlocks).toBe(2);
      expect(r.form!.scoring.kind).toBe("verdict");
    });

    it("a block label that its rows do not add up to: LEVEL1_HEADING_MISMATCH on it, and no verdict", () => {
      const r = report(twoBlocks("年度绩效目标1(50分)", "年度绩效目标2(30分)"));
      expect(r.findings.filter((f) => f.code === "LEVEL1_HEADING_MISMATCH").map((f) => [f.cells[0], f.message])).toEqual([
        ["A19", "“年度绩效目标2(30分)”标明 30.00 分，但其下指标分值合计为 40.00，请核对分值"],
      ]);
      expect(r.form!.scoring.kind).toBe("noVerdict");
      expect(r.form!.total.computed).toBe("99.37"); // the sum is still said
      expect(r.form!.grade.computed).toBeNull();
    });
  });

  it("其中 rows without 分值 are details of the indicator above: no VALUE_MISSING, no indicator of their own", () => {
    let g = insertRows(clean(), 16, 2);
    g = editGrid(g, [
      { row: 16, col: 3, value: "其中：执法记录仪" },
      { row: 16, col: 5, value: "=60.00(台)" },
      { row: 16, col: 6, value: "60.00(台)" },
      { row: 17, col: 3, value: "其中：对讲机" },
      { row: 17, col: 5, value: "=43.00(台)" },
    ]);
    const r = report(g);
    expect(reading(r)).toEqual(base);
    expect(r.form!.layout.detailRows).toBe(2);
  });

  it.each([
    ["/", "/", "/"],
    ["——", "无", "——"],
    ["指标2:", "", ""],
    ["……", "", ""],
  ])("a row %j %j %j is not applicable: no finding", (name, target, actual) => {
    const g = editGrid(insertRows(clean(), 21, 1), [
      { row: 21, col: 3, value: name },
      { row: 21, col: 5, value: target },
      { row: 21, col: 6, value: actual },
      { row: 21, col: 7, value: "/" },
      { row: 21, col: 8, value: "/" },
    ]);
    expect(reading(report(g))).toEqual(base);
  });
});

describe("rates printed as fractions (rules.md §1.6)", () => {
  it("0.9377 under 执行率(%) with no % format reads as 93.77 %, agreeing with 91.60 ÷ 97.68", () => {
    const r = report(clean([{ row: 6, col: 8, value: 0.9377 }, { row: 7, col: 8, value: 0.9377 }]));
    expect(r.form!.funds[0].rate).toMatchObject({ declared: "93.77", computed: "93.77" });
    expect(codes(r)).toEqual([]);
    expect(checkWorkbook([clean([{ row: 6, col: 8, value: 0.9377 }])], profile).sheets[0].plan!.writes).toEqual([]);
  });

  it.each([
    [0.938, "93.80"],
    [0.94, "94.00"],
  ])("%s is %s %%: the rate at the places it prints, a warning, rewritten as the exact fraction (issue 18)", (printed, declared) => {
    const r = report(clean([{ row: 6, col: 8, value: printed }, { row: 7, col: 8, value: printed }]));
    expect(r.form!.funds[0].rate).toMatchObject({ declared, computed: "93.77" });
    expect(codes(r)).toEqual(["EXEC_RATE_MISMATCH:warning", "EXEC_RATE_MISMATCH:warning"]);
    expect(checkWorkbook([clean([{ row: 6, col: 8, value: printed }])], profile).sheets[0].plan!.writes.map((w) => [w.value, w.numberFormat])).toEqual([[0.9377, "0.0000"]]);
  });

  it("in a column of fractions, one that is not what the amounts say is an error, and is rewritten as a fraction", () => {
    const [s] = checkWorkbook([clean([{ row: 6, col: 8, value: 0.9 }, { row: 7, col: 8, value: 0.9377 }])], profile).sheets;
    expect(s.report.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["EXEC_RATE_MISMATCH", "error", "“年度资金总额”执行率填写为 90.00，应为 93.77（全年执行数 91.60 ÷ 全年预算数 97.68）"],
    ]);
    expect(s.plan!.writes.map((w) => [w.kind, w.value])).toEqual([["rate", 0.9377]]);
  });

  it("1 for a fully executed budget is 100 %", () => {
    const r = report(clean([{ row: 6, col: 6, value: 97.68 }, { row: 7, col: 6, value: 97.68 }, { row: 6, col: 8, value: 1 }, { row: 7, col: 8, value: 1 }, { row: 6, col: 9, value: 10 }, { row: 22, col: 8, value: 100 }, { row: 18, col: 6, value: "100.00(%)" }]));
    expect(r.form!.funds[0].rate).toMatchObject({ declared: "100.00", computed: "100.00" });
    expect(codes(r)).toEqual([]);
  });
});

describe("costs per unit are not compared with the funds total", () => {
  const cost = (name: string) =>
    report(clean([{ row: 18, col: 3, value: name }, { row: 18, col: 5, value: "≤80.00(元)" }, { row: 18, col: 6, value: "75.00(元)" }]));
  it.each(["配套资金每人每年", "人均设备成本", "单台设备单价"])("%s: no COST_INCONSISTENT", (name) => {
    expect(codes(cost(name))).toEqual([]);
  });
  it("a cost in 元 that is the project's total is compared: 75 元 against 全年执行数 916,000 元", () => {
    expect(cost("设备采购成本").findings.map((f) => [f.code, f.message])).toEqual([
      ["COST_INCONSISTENT", "成本指标“设备采购成本”实际完成值为 75.00元，与资金全年执行数 916000.00元 不一致，请按实际执行情况填写"],
    ]);
  });
  it("a compound unit (元/人) is a cost per unit", () => {
    const r = report(clean([{ row: 18, col: 5, value: "≤80.00元/人" }, { row: 18, col: 6, value: "75.00元/人" }]));
    expect(codes(r)).toEqual([]);
  });
});
