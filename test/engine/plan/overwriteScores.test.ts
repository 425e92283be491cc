/**
 * `--overwrite-scores`: the rule scores written over typed 得分 carry the 总分 and 评分等级 with them, so the form
 * written adds up — a check of the copy finds no TOTAL_MISMATCH (before, the 总分 written was the typed scores' sum).
 */
import { analyzeSheet, buildWritePlan, getProfile, Grid, toA1 } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { editGrid } from "../../fixtures/gridVariants";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

function written(grid: Grid, overwriteScores: boolean): Grid {
  const a = analyzeSheet(grid, profile);
  const plan = buildWritePlan(a.form!, grid, a.findings, { overwriteScores });
  return editGrid(grid, plan.writes.map((w) => ({ row: w.cell.row, col: w.cell.col, value: w.value })));
}

describe("rule scores written over typed 得分", () => {
  // seed form 1: 18 typed where the rule gives 20, 9 where it gives 10 → 96.37 becomes 99.37
  const grid = specToGrid(seedSheet(SEED_FORMS[0]).spec);

  it("write the 总分 they add up to", () => {
    const a = analyzeSheet(grid, profile);
    const plan = buildWritePlan(a.form!, grid, a.findings, { overwriteScores: true });
    expect(plan.writes.map((w) => [toA1(w.cell), w.value])).toEqual([
      ["H16", 20],
      ["H21", 10],
      ["H22", 99.37],
    ]);
  });

  it("leave a form that checks clean of TOTAL_MISMATCH and SCORE_RULE_MISMATCH", () => {
    const codes = analyzeSheet(written(grid, true), profile).findings.map((f) => f.code);
    expect(codes).not.toContain("TOTAL_MISMATCH");
    expect(codes).not.toContain("SCORE_RULE_MISMATCH");
    expect(codes).not.toContain("GRADE_MISMATCH");
  });

  it("without overwriting, the typed 得分 and their 总分 stay", () => {
    const a = analyzeSheet(grid, profile);
    expect(buildWritePlan(a.form!, grid, a.findings).writes).toEqual([]);
  });
});
