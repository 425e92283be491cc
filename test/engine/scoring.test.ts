/**
 * Scoring only what can be scored (rules.md §5): a form with no 分值/得分 is read and checked, never scored; a form
 * whose weights disagree gets its sum said but no verdict. And precision: no `error` on a correct form — the seed
 * forms (seedAcceptance.test.ts) and the shared real forms made correct (their published copies are not: one is
 * blank, one adds up to 120, two end before 满意度 and 总分).
 */
import { checkWorkbook } from "../../src/app";
import { getProfile, Grid, SheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { changedForm } from "../fixtures/cleanForm";
import { editGrid, insertRows, mapRows } from "../fixtures/gridVariants";
import { realFormGrid } from "../fixtures/realForms";

const profile = getProfile("putuo-2023")!;
const check = (grid: Grid) => checkWorkbook([grid], profile).sheets[0];
const errors = (r: SheetReport) => r.findings.filter((f) => f.severity === "error").map((f) => `${f.code} ${f.cells.join(",")} ${f.message}`);

describe("a form with no 分值 and no 得分 columns is read and checked, never scored", () => {
  // the clean form without the funds 分数/得分 columns (G, I) and the indicators' 分值/得分 columns (G, H)
  const grid = mapRows(specToGrid(changedForm([])), (row) => row);
  const cols = new Set([7, 9]);
  const noScores = editGrid(
    grid,
    [...grid.cells.keys()]
      .map((k) => ({ row: Math.floor(k / 16384), col: k % 16384 }))
      .filter(({ row, col }) => (row >= 5 && row <= 9 && cols.has(col)) || (row >= 14 && row <= 22 && (col === 7 || col === 8)))
      .map(({ row, col }) => ({ row, col, value: null })),
  );

  it("no 预算执行得分, 总分 or 评分等级 is computed, shown or written", () => {
    const { report, plan } = check(noScores);
    const f = report.form!;
    expect(f.scoring.kind).toBe("unscored");
    expect(f.budgetScore.computed).toBeNull();
    expect(f.total.computed).toBeNull();
    expect(f.grade.computed).toBeNull();
    expect(f.funds[0].rate.computed).toBe("93.77"); // still read and checked
    expect(plan!.writes.map((w) => w.kind)).toEqual([]);
    expect(f.layout.weightsFrom).toBe("none");
    expect(errors(report)).toEqual([]);
  });

  it("the old engine invented a 预算执行得分 of 10 and a 差: the report now says why there is none", () => {
    expect(check(noScores).report.form!.scoring.reason).toBe("表中没有分值和得分，只校验、不计分");
  });
});

describe("no error on the shared real forms made correct", () => {
  it("Sichuan, its 完成值 and 得分 filled in: 100.00, 优", async () => {
    const g = editGrid(await realFormGrid("sc-qingshen-2023-salary.xlsx"), [
      { row: 9, col: 8, value: 10 },
      { row: 15, col: 8, value: 100 },
      { row: 15, col: 10, value: 60 },
      { row: 16, col: 8, value: 100 },
      { row: 16, col: 10, value: 30 },
      { row: 17, col: 10, value: 100 },
    ]);
    const r = check(g).report;
    expect(errors(r)).toEqual([]);
    expect([r.form!.total.computed, r.form!.grade.computed]).toEqual(["100.00", "优"]);
  });

  it("Hubei, its labels and 得分 made to add up (产出 50, 效益 30): 100.00 over a 20-point budget, 优", async () => {
    const g = editGrid(await realFormGrid("hb-district-2020-service-trade.xlsx"), [
      { row: 11, col: 2, value: "产出指标 (50 分)" },
      { row: 17, col: 2, value: "效益指标 (30 分)" },
      { row: 15, col: 7, value: 5 },
      { row: 16, col: 7, value: 5 },
      { row: 17, col: 7, value: 10 },
    ]);
    const r = check(g).report;
    expect(errors(r)).toEqual([]);
    expect([r.form!.total.computed, r.form!.grade.computed, r.form!.scoring.kind]).toEqual(["100.00", "优", "verdict"]);
  });

  it.each([
    ["ah-suixi-2019-temporary-relief.xlsx", 20],
    ["ah-xiaoxian-2023-planting-breeding-subsidy.xlsx", 31],
  ])("%s, its lost 满意度 row and 总分 row put back: a verdict, no error", async (file, after) => {
    let g = insertRows(await realFormGrid(file), after, 2);
    g = editGrid(g, [
      { row: after, col: 2, value: "满意度指标(10分)" },
      { row: after, col: 3, value: "服务对象满意度指标" },
      { row: after, col: 4, value: "受益群众满意度" },
      { row: after, col: 5, value: 10 },
      { row: after, col: 6, value: ">=90%" },
      { row: after, col: 7, value: "95%" },
      { row: after, col: 8, value: 10 },
      { row: after + 1, col: 1, value: "总分" },
      { row: after + 1, col: 5, value: 100 },
    ]);
    const { report } = check(g);
    expect(errors(report)).toEqual([]);
    expect(report.form!.scoring.kind).toBe("verdict");
    expect(report.form!.grade.computed).not.toBeNull();
  });
});
