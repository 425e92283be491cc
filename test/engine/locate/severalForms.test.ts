/** Several forms on one sheet (issue 13): stacked or side by side, each read exactly, with its own findings and writes. */
import { checkWorkbook } from "../../../src/app";
import { createGrid, getProfile, Grid } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { moved } from "../../fixtures/gridVariants";
import { EXPECTED, SEED_FORMS, seedSheet, Variant } from "../../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

/** Two grids on one sheet. */
function together(a: Grid, b: Grid): Grid {
  const cells = (g: Grid) => [...g.cells].map(([key, cell]) => ({ row: Math.floor(key / 16384), col: key % 16384, cell }));
  return createGrid({ sheet: "两张表", cells: [...cells(a), ...cells(b)], merges: [...a.merges, ...b.merges] });
}

const BLANKS: Variant = { blank: { rates: true, total: true, grade: true, indicatorScores: [1] } };

describe.each([
  ["stacked", (g: Grid) => moved(g, 30, 0)],
  ["side by side", (g: Grid) => moved(g, 0, 11)],
  ["side by side, lower down", (g: Grid) => moved(g, 3, 12)],
])("two forms on one sheet, %s", (_name, place) => {
  const first = specToGrid({ ...seedSheet(SEED_FORMS[0], BLANKS).spec, name: "两张表" });
  const second = place(specToGrid({ ...seedSheet(SEED_FORMS[1], BLANKS).spec, name: "两张表" }));
  const [sheet] = checkWorkbook([together(first, second)], profile).sheets;

  it("gives two forms in the report, each exact", () => {
    expect(sheet.report.forms).toHaveLength(2);
    sheet.report.forms.forEach(({ form, findings }, i) => {
      const e = EXPECTED[i + 1];
      expect(form.projectName).toBe(SEED_FORMS[i].title);
      expect([form.funds[0].rate.computed, form.budgetScore.computed, form.grade.computed]).toEqual([e.rate, e.budgetScore, e.grade]);
      expect(form.indicators.map((x) => x.name)).toEqual(SEED_FORMS[i].indicators.map((x) => x.level3));
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    });
    // the first form stays what readers of one form per sheet read
    expect(sheet.report.form).toEqual(sheet.report.forms[0].form);
  });

  it("each form gets its own writes, in its own cells", () => {
    const alone = [first, place(specToGrid({ ...seedSheet(SEED_FORMS[1], BLANKS).spec, name: "两张表" }))].map((g) => checkWorkbook([g], profile).sheets[0].plan!);
    expect(sheet.plan!.writes.map((w) => [w.cell.row, w.cell.col, w.value])).toEqual(alone.flatMap((p) => p.writes.map((w) => [w.cell.row, w.cell.col, w.value])));
  });
});

it("one form on a sheet is still one form", () => {
  const [sheet] = checkWorkbook([specToGrid(seedSheet(SEED_FORMS[0]).spec)], profile).sheets;
  expect(sheet.report.forms).toHaveLength(1);
});
