import { checkWorkbook, formulaReferences, formulasAffectedBy, formulasToRecheck, recheckFormulas } from "../../src/app";
import { getProfile, rangeA1, specToGrid, toA1 } from "../../src/engine";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

describe("formulaReferences", () => {
  it.each([
    ["I6+SUM(H15:H21)", ["I6", "H15:H21"], false],
    ["SUM($H$15:$H$21)", ["H15:H21"], false],
    ["ROUNDDOWN(F6/E6*100,2)", ["F6", "E6"], false],
    ['IF(H23>=90,"优",IF(H23>=80,"良","A1"))', ["H23", "H23"], false],
    ["'表1'!H5+表1!H6", ["H5", "H6"], false],
    ["Sheet2!H5", [], true],
    ["SUM(分值)", [], true],
    ["INDIRECT(\"H\"&ROW())", [], true],
    ["LOG10(A1)+SUM(H:H)", ["A1", "H1:H1048576"], false],
    ["TRUE", [], false],
  ])("=%s reads %j (open: %s)", (formula, areas, open) => {
    const r = formulaReferences(formula, "表1");
    expect(r.areas.map(rangeA1).map((a) => a.replace(/^([A-Z]+\d+):\1$/, "$1"))).toEqual(areas);
    expect(r.open).toBe(open);
  });
});

/** Seed form 1 with 得分 of its second indicator blank and a 总分 that sums the 得分 column by formula. */
function formulaTotal(formula: (first: number, last: number, budgetScore: string) => string, cached: number) {
  const form = SEED_FORMS[0];
  const { spec, layout } = seedSheet(form, { blank: { indicatorScores: [1] } });
  const totalCell = layout.at(layout.totalRow, 8);
  const budgetScore = toA1(layout.at(6, 9));
  const f = formula(layout.firstIndicatorRow, layout.totalRow - 1, budgetScore);
  const cells = spec.cells.map((c) => (c.row === totalCell.row && c.col === totalCell.col ? { ...c, value: cached, formula: f } : c));
  const grid = specToGrid({ ...spec, cells });
  return { grid, totalA1: toA1(totalCell), form };
}

describe("FORMULA_DISAGREES after the write", () => {
  it("a SUM 总分 over a 得分 the run fills is re-read; with its new result it agrees and is not highlighted", () => {
    // the blank 得分 (typed 18 on the printed form; rule score 20) is missing from the cached sum: 9.37 + 69.00
    const { grid, totalA1 } = formulaTotal((a, b, bs) => `${bs}+SUM(H${a}:H${b})`, 78.37);
    const result = checkWorkbook([grid], profile);
    const sheet = result.sheets[0];
    expect(sheet.analysis.findings.filter((f) => f.code === "FORMULA_DISAGREES").map((f) => toA1(f.cells[0]))).toEqual([totalA1]);
    const pending = formulasToRecheck(sheet, grid);
    expect(pending.map(toA1)).toEqual([totalA1]);
    expect(sheet.plan!.highlights.some((h) => toA1(h.cell) === totalA1)).toBe(true);

    const after = recheckFormulas(sheet, grid, profile, new Map([[totalA1, 98.37]]));
    expect(after.sheet.analysis.findings.some((f) => f.code === "FORMULA_DISAGREES")).toBe(false);
    expect(after.highlights).toEqual([]);
    expect(after.sheet.plan!.highlights.some((h) => toA1(h.cell) === totalA1)).toBe(false);
    expect(after.sheet.plan!.writes).toEqual(sheet.plan!.writes);
    expect(after.sheet.report.findings.map((f) => f.code)).toEqual(sheet.report.findings.map((f) => f.code).filter((c) => c !== "FORMULA_DISAGREES"));
  });

  it("a formula that still disagrees after the write keeps FORMULA_DISAGREES with its new result, and its highlight", () => {
    // leaves out the 预算执行得分: 89.00 after the write, 98.37 computed
    const { grid, totalA1 } = formulaTotal((a, b) => `SUM(H${a}:H${b})`, 69);
    const sheet = checkWorkbook([grid], profile).sheets[0];
    expect(formulasToRecheck(sheet, grid).map(toA1)).toEqual([totalA1]);
    const after = recheckFormulas(sheet, grid, profile, new Map([[totalA1, 89]]));
    const f = after.sheet.analysis.findings.filter((x) => x.code === "FORMULA_DISAGREES");
    expect(f.map((x) => toA1(x.cells[0]))).toEqual([totalA1]);
    expect(f[0].message).toContain("89");
    expect(after.highlights.map((h) => [toA1(h.cell), h.severity])).toEqual([[totalA1, "error"]]);
  });

  it("no re-read when no formula reads a written cell, or nothing is written", () => {
    // the 总分 formula reads only the 分值 column, which the run never writes
    const { grid } = formulaTotal((a, b) => `SUM(G${a}:G${b})`, 1);
    const sheet = checkWorkbook([grid], profile).sheets[0];
    expect(sheet.analysis.findings.some((f) => f.code === "FORMULA_DISAGREES")).toBe(true);
    expect(formulasToRecheck(sheet, grid)).toEqual([]);
    const { spec } = seedSheet(SEED_FORMS[0]);
    const plain = specToGrid(spec);
    expect(formulasToRecheck(checkWorkbook([plain], profile).sheets[0], plain)).toEqual([]);
  });

  it("formulasAffectedBy follows formulas that read formulas, and counts open formulas as affected", () => {
    const { grid } = formulaTotal((a, b, bs) => `${bs}+SUM(H${a}:H${b})`, 1);
    const sheet = checkWorkbook([grid], profile).sheets[0];
    const plan = sheet.plan!;
    expect(formulasAffectedBy(grid, plan).length).toBe(1);
    expect(formulasAffectedBy(grid, { ...plan, writes: [] })).toEqual([]);
  });
});
