import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { EXPECTED, SEED_FORMS, seedSheet, Variant } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

const VARIANTS: [string, Variant][] = [
  ["as printed", {}],
  ["moved, with blank columns inside", { origin: { row: 5, col: 3 }, blankColumnsAfter: [2, 3, 6] }],
  ["unmerged", { unmerged: true }],
  ["numbers typed as text", { textNumbers: true }],
  ["执行率 as a fraction under a % format", { percentFormat: true }],
  ["labels with line breaks and half-width punctuation", { noisyLabels: true }],
  ["everything at once", { origin: { row: 3, col: 2 }, blankColumnsAfter: [3], unmerged: true, textNumbers: true, percentFormat: true, noisyLabels: true }],
];

describe.each(VARIANTS)("seed forms (rules.md §6), %s", (_name, variant) => {
  it.each(SEED_FORMS.map((f) => [f.id, f] as const))("form %i", (id, form) => {
    const { spec } = seedSheet(form, variant);
    const analysis = analyzeSheet(specToGrid(spec), profile);
    const report = sheetReport(analysis);
    const expected = EXPECTED[id];
    expect(report.isForm).toBe(true);
    const f = report.form!;
    expect(f.projectName).toBe(form.title);
    expect(f.funds.map((x) => x.label)).toHaveLength(4);
    expect(f.funds[0].rate).toMatchObject({ declared: expected.rate, computed: expected.rate });
    expect(f.budgetScore).toMatchObject({ declared: expected.budgetScore, computed: expected.budgetScore });
    expect(f.total).toMatchObject({ declared: expected.total, computed: expected.total });
    expect(f.total.weight).toMatchObject({ declared: "100.00", computed: "100.00" });
    expect(f.grade).toMatchObject({ declared: expected.grade, computed: expected.grade });
    expect(f.indicators).toHaveLength(form.indicators.length);
    expect(f.indicators.map((i) => i.name)).toEqual(form.indicators.map((i) => i.level3));
    const codes = [...new Set(report.findings.map((x) => x.code))].sort();
    expect(codes).toEqual([...expected.codes].sort());
    expect(report.findings.filter((x) => x.severity === "error")).toEqual([]);
  });
});
