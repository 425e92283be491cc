/**
 * rules.md §6 in every wording: the seed forms printed with the words other provinces use for the same fields
 * (test/fixtures/seedForms.ts WORDINGS — the Sichuan goal block, numbered and lettered columns, traditional
 * characters, transfer-payment labels …) read exactly as printed: the same numbers and the same finding codes, one
 * form at a time and in one workbook (where forms 2 and 7 copy indicators and form 6 another form's goal).
 */
import { checkWorkbook } from "../../src/app";
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { EXPECTED, SEED_FORMS, seedSheet, Variant, WORDINGS } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

const LAYOUTS: [string, Variant][] = [
  ["as printed", {}],
  ["unmerged, moved, numbers as text", { unmerged: true, origin: { row: 3, col: 2 }, blankColumnsAfter: [3], textNumbers: true }],
];

describe.each(WORDINGS.map((w) => [w.name, w] as const))("the seed forms worded the %s way", (_name, wording) => {
  describe.each(LAYOUTS)("%s", (_layout, layout) => {
    it.each(SEED_FORMS.map((f) => [f.id, f] as const))("form %i reads as rules.md §6", (id, form) => {
      const report = sheetReport(analyzeSheet(specToGrid(seedSheet(form, { ...layout, wording }).spec), profile));
      const expected = EXPECTED[id];
      expect(report.isForm).toBe(true);
      const f = report.form!;
      expect(f.projectName).toBe(form.title);
      expect(f.funds).toHaveLength(4);
      expect(f.funds[0].rate).toMatchObject({ declared: expected.rate, computed: expected.rate });
      expect(f.budgetScore).toMatchObject({ declared: expected.budgetScore, computed: expected.budgetScore });
      expect(f.total).toMatchObject({ declared: expected.total, computed: expected.total });
      expect(f.grade.computed).toBe(expected.grade);
      expect(f.indicators.map((i) => i.name)).toEqual(form.indicators.map((i) => i.level3));
      expect(f.layout.goalBlock).toBe(true);
      expect([...new Set(report.findings.map((x) => x.code))].sort()).toEqual([...expected.codes].sort());
    });
  });

  it("in one workbook, only forms 2 and 7 copy indicators and form 6 another form's goal", () => {
    const grids = SEED_FORMS.map((f) => specToGrid(seedSheet(f, { wording }).spec));
    const result = checkWorkbook(grids, profile);
    const cross = result.sheets.flatMap((s, i) =>
      s.report.findings.filter((x) => ["GOAL_COPIED_FROM_OTHER_FORM", "INDICATORS_COPIED_FROM_OTHER_FORM", "PROJECT_DUPLICATED"].includes(x.code)).map((x) => `${i + 1}:${x.code}`),
    );
    expect(cross.sort()).toEqual(["2:INDICATORS_COPIED_FROM_OTHER_FORM", "6:GOAL_COPIED_FROM_OTHER_FORM", "7:INDICATORS_COPIED_FROM_OTHER_FORM"]);
  });
});
