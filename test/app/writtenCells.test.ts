import { checkWorkbook, displayValue, sheetPreview } from "../../src/app";
import { getProfile } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";

const profile = getProfile("putuo-2023")!;

describe("written cells as the user reads them (rules.md §5)", () => {
  it("each write: cell, what it is, previous → new in the cell's own format, and why with the calculation", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { grade: true, indicatorScores: [0] }, percentFormat: true });
    const typed = withCells(spec, [{ ...layout.at(layout.totalRow, 8), value: 94 }]);
    const [sheet] = checkWorkbook([specToGrid(typed)], profile).sheets;
    const byCell = new Map(sheet.writes.map((w) => [w.cell, w]));
    expect(sheet.writes.map((w) => w.cell)).toEqual(sheet.plan!.writes.map((w) => `${String.fromCharCode(64 + w.cell.col)}${w.cell.row}`));

    const total = byCell.get(sheet.report.form!.total.cell!)!;
    expect(total).toMatchObject({ kind: "totalScore", what: "总分", previous: "94.00", value: "96.37" });
    expect(total.why).toBe("原填 94.00，与计算结果不同；预算执行得分 9.37 + 指标得分 87.00 = 96.37");

    const grade = byCell.get(sheet.report.form!.grade.cell!)!;
    expect(grade).toMatchObject({ kind: "grade", what: "评分等级", previous: "", value: "优", why: "原为空；按总分 96.37 评定" });

    const blankScore = sheet.writes.find((w) => w.kind === "indicatorScore")!;
    const indicator = sheet.report.form!.indicators.find((i) => i.score.cell === blankScore.cell)!;
    expect(blankScore.what).toBe(`得分（指标“${indicator.name}”）`);
    expect(blankScore.why).toBe(`原为空；${indicator.calculation}`);
    expect(blankScore.value).toBe(indicator.score.computed);
  });

  it("a 执行率 written as a fraction under a % format reads as a percentage, before and after", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0], { percentFormat: true });
    const wrong = withCells(spec, [{ ...layout.at(6, 8), value: 0.9378 }]);
    const [sheet] = checkWorkbook([specToGrid(wrong)], profile).sheets;
    const rate = sheet.writes.find((w) => w.kind === "rate")!;
    expect(rate).toMatchObject({ what: "执行率（年度资金总额）", previous: "93.78%", value: "93.77%" });
    expect(rate.why).toBe("原填 93.78%，与计算结果不同；91.60 ÷ 97.68 × 100% = 93.77%");
  });

  it("the cells named by findings and writes, with what they display", () => {
    const [sheet] = checkWorkbook([specToGrid(seedSheet(SEED_FORMS[0]).spec)], profile).sheets;
    expect(sheet.cellText).toMatchObject({ H16: "18.00", F16: "99.00(%)", I16: "" });
    for (const f of sheet.report.findings) for (const c of f.cells) expect(sheet.cellText).toHaveProperty(c);
  });

  it("a sheet without a form says what it holds", () => {
    const [cover] = checkWorkbook([specToGrid(coverSheet())], profile).sheets;
    expect(cover.writes).toEqual([]);
    expect(cover.preview!.filled).toBeGreaterThan(0);
    expect(cover.preview!.texts[0].length).toBeLessThanOrEqual(17);
    expect(sheetPreview(specToGrid({ ...coverSheet(), cells: [] }))).toEqual({ filled: 0, texts: [] });
  });
});

describe("displayValue", () => {
  it.each([
    [null, undefined, ""],
    ["达成指标", undefined, "达成指标"],
    [0.9377, "0.00%", "93.77%"],
    [0.29, "0%", "29%"],
    [9.3, "0.00", "9.30"],
    [12566.54, "#,##0.00", "12566.54"],
    [96.37, undefined, "96.37"],
    [94, undefined, "94"],
    [true, undefined, "TRUE"],
  ] as const)("%p under %p → %p", (value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });
});
