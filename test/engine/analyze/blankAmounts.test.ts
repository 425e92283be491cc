import { analyzeSheet, buildWritePlan, getProfile, toA1 } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { changedForm } from "../../fixtures/cleanForm";

const profile = getProfile("putuo-2023")!;

describe("amounts nobody typed", () => {
  it("a funds row left blank has no 执行率 to write; one blank beside a 0 counts as 0, and 0 ÷ 0 is no rate either", () => {
    const spec = changedForm([
      { row: 8, col: 4, value: null }, { row: 8, col: 5, value: null }, { row: 8, col: 6, value: null }, { row: 8, col: 8, value: null },
      { row: 9, col: 5, value: null }, { row: 9, col: 6, value: 0 }, { row: 9, col: 8, value: null },
    ]);
    const grid = specToGrid(spec);
    const a = analyzeSheet(grid, profile);
    expect(a.form!.funds.map((f) => f.rate?.toFixed(2) ?? null)).toEqual(["93.77", "93.77", null, null]);
    expect(a.findings.map((f) => [f.code, toA1(f.cells[0])])).toEqual([["EXEC_RATE_UNDEFINED", "H9"]]);
    expect(buildWritePlan(a.form!, grid, a.findings).writes).toEqual([]);
  });

  it("the 年度资金总额's 全年执行数 left blank beside its budget is missing, not 0: FIELD_MISSING naming the cell, no 执行率, no 总分 verdict", () => {
    const a = analyzeSheet(specToGrid(changedForm([{ row: 6, col: 6, value: null }, { row: 6, col: 8, value: null }])), profile);
    expect(a.findings.filter((f) => f.severity === "error").map((f) => [f.code, toA1(f.cells[0]), f.message])).toEqual([
      ["FIELD_MISSING", "F6", "自评表缺少“年度资金总额”的全年执行数，无法完整校验；请按标准格式补齐"],
    ]);
    expect(a.form!.fundsTotal!.rate).toBeNull();
    expect(a.form!.scoring.kind).toBe("noVerdict");
    expect(a.form!.grade).toBeNull();
  });

  it("a blank 年度资金总额 row is not LOW_EXECUTION and gives no 总分", () => {
    const blanks = [4, 5, 6, 8, 9].flatMap((col) => [6, 7].map((row) => ({ row, col, value: null })));
    const a = analyzeSheet(specToGrid(changedForm([...blanks, { row: 22, col: 8, value: null }, { row: 23, col: 3, value: null }])), profile);
    expect(a.form!.totalScore).toBeNull();
    expect(a.findings.map((f) => f.code)).not.toContain("LOW_EXECUTION");
  });
});
