import { analyzeSheet, buildWritePlan, getProfile, planMarks, toA1 } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";

function planOf(variant: Parameters<typeof seedSheet>[1]) {
  const grid = specToGrid(seedSheet(SEED_FORMS[0], variant).spec);
  const a = analyzeSheet(grid, getProfile()!);
  return buildWritePlan(a.form!, grid, a.findings);
}

describe("planMarks: what a writer paints", () => {
  it("without the writes (a check that only highlights): the problem cells in their severity", () => {
    const plan = planOf({ blank: { rates: true, grade: true } });
    expect(planMarks(plan, { written: false })).toEqual(plan.highlights.map((h) => ({ cell: h.cell, kind: h.severity })));
  });

  it("with the writes: every written cell marked as written, and no problem mark left on a written cell", () => {
    const plan = planOf({ blank: { rates: true, grade: true } });
    const marks = planMarks(plan, { written: true });
    const written = marks.filter((m) => m.kind === "written").map((m) => toA1(m.cell));
    expect(written).toEqual(plan.writes.map((w) => toA1(w.cell)));
    expect(written.length).toBeGreaterThan(0);
    const problems = marks.filter((m) => m.kind !== "written").map((m) => toA1(m.cell));
    expect(problems.filter((a1) => written.includes(a1))).toEqual([]);
    // H6 (the 执行率 the cost indicator is compared with) was blank and is written: green, not yellow
    expect(plan.highlights.map((h) => toA1(h.cell))).toContain("H6");
    expect(written).toContain("H6");
    expect(problems).not.toContain("H6");
    // every other problem cell keeps its mark
    expect(problems).toEqual(plan.highlights.map((h) => toA1(h.cell)).filter((a1) => !written.includes(a1)));
  });

  it("a plan that writes nothing paints the same either way", () => {
    const plan = planOf({});
    expect(plan.writes).toEqual([]);
    expect(planMarks(plan, { written: true })).toEqual(planMarks(plan, { written: false }));
  });
});
