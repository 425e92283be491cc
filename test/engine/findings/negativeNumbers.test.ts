/**
 * NUMBER_NEGATIVE (issue 11): a negative amount, 分数/分值 or 得分 is an error naming its cell, and nothing is scored
 * from it — no 执行率, no 预算执行得分, no rule score, no 总分 or 评分等级, and nothing of that written back.
 */
import { analyzeSheet, buildWritePlan, getProfile, toA1 } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { CellChange, changedForm } from "../../fixtures/cleanForm";

const profile = getProfile("putuo-2023")!;
const analyze = (changes: CellChange[]) => {
  const grid = specToGrid(changedForm(changes));
  const a = analyzeSheet(grid, profile);
  return { ...a, plan: buildWritePlan(a.form!, grid, a.findings) };
};

// the clean form: funds rows 6–9 (D 年初 E 全年预算 F 全年执行 G 分数 H 执行率 I 得分), indicators 15–21 (G 分值 H 得分), 总分 row 22
describe.each([
  ["全年执行数 of 年度资金总额", [{ row: 6, col: 6, value: -91.6 }], "F6", "funds"],
  ["全年预算数 of a 其中 row", [{ row: 7, col: 5, value: -97.68 }], "E7", "funds"],
  ["年初预算数", [{ row: 6, col: 4, value: -1 }], "D6", "funds"],
  ["分数", [{ row: 6, col: 7, value: -10 }], "G6", "funds"],
  ["预算执行得分", [{ row: 6, col: 9, value: -9.37 }], "I6", "funds"],
  ["an indicator's 分值", [{ row: 16, col: 7, value: -20 }], "G16", "indicators"],
  ["the 总分", [{ row: 22, col: 8, value: -99.37 }], "H22", "total"],
] as [string, CellChange[], string, string][])("a negative %s", (_n, changes, cell, part) => {
  it(`is NUMBER_NEGATIVE (error, ${part}) at ${cell}`, () => {
    const found = analyze(changes).findings.filter((f) => f.code === "NUMBER_NEGATIVE");
    expect(found.map((f) => [f.severity, f.part, f.cells.map(toA1)])).toEqual([["error", part, [cell]]]);
    expect(found[0].message).toMatch(/为负数（-\d+\.\d{2}）/);
  });
});

it("both amounts negative: no 执行率 and no 预算执行得分 (not 10.00), no 总分, nothing derived written", () => {
  const a = analyze([
    { row: 6, col: 5, value: -97.68 },
    { row: 6, col: 6, value: -91.6 },
    { row: 7, col: 5, value: -97.68 },
    { row: 7, col: 6, value: -91.6 },
    { row: 6, col: 8, value: null },
    { row: 6, col: 9, value: null },
    { row: 22, col: 8, value: null },
  ]);
  expect(a.form!.fundsTotal!.rate).toBeNull();
  expect(a.form!.budgetScore).toBeNull();
  expect(a.form!.totalScore).toBeNull();
  expect(a.form!.grade).toBeNull();
  expect(a.plan.writes.filter((w) => ["rate", "budgetScore", "totalScore", "grade"].includes(w.kind) && w.cell.row <= 6)).toEqual([]);
  expect(a.plan.writes.map((w) => w.kind)).not.toContain("totalScore");
});

it("one negative 全年执行数: no 执行率 (not −93.77) and no 预算执行得分 (not −9.37)", () => {
  const a = analyze([{ row: 6, col: 6, value: -91.6 }, { row: 6, col: 8, value: null }, { row: 6, col: 9, value: null }]);
  expect(a.form!.fundsTotal!.rate).toBeNull();
  expect(a.form!.budgetScore).toBeNull();
  expect(a.plan.writes.map((w) => toA1(w.cell))).not.toEqual(expect.arrayContaining(["H6"]));
  expect(a.plan.writes.map((w) => toA1(w.cell))).not.toContain("I6");
});

it("a negative 分值: no rule score for that indicator, so no 总分", () => {
  const a = analyze([{ row: 16, col: 7, value: -20 }, { row: 16, col: 8, value: null }]);
  const ind = a.form!.indicators.find((i) => i.indicator.row === 16)!;
  expect(ind.computed).toBeNull();
  expect(a.form!.totalScore).toBeNull();
});
