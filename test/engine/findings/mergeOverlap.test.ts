/** MERGE_OVERLAP (issue 11): a form whose file has overlapping merged areas is read (by the first area) and says so. */
import { analyzeSheet, createGrid, getProfile, toA1 } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { changedForm } from "../../fixtures/cleanForm";

it("createGrid keeps the first of two overlapping merges and records the other", () => {
  const g = createGrid({ sheet: "s", cells: [], merges: [{ top: 1, left: 1, bottom: 2, right: 2 }, { top: 2, left: 2, bottom: 3, right: 3 }] });
  expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
  expect(g.overlappingMerges).toEqual([{ top: 2, left: 2, bottom: 3, right: 3 }]);
  expect(g.mergeIndex.get(3 * 16384 + 3)).toBeUndefined();
});

it("a form with an overlapping merge is read and scored, with a MERGE_OVERLAP warning naming the area", () => {
  const clean = specToGrid(changedForm([]));
  const grid = createGrid({ sheet: clean.sheet, cells: [...clean.cells].map(([k, cell]) => ({ row: Math.floor(k / 16384), col: k % 16384, cell })), merges: [...clean.merges, { top: 1, left: 1, bottom: 1, right: 3 }] });
  const a = analyzeSheet(grid, getProfile("putuo-2023")!);
  expect(a.isForm).toBe(true);
  expect(a.form!.totalScore!.toFixed(2)).toBe("99.37");
  const f = a.findings.filter((x) => x.code === "MERGE_OVERLAP");
  expect(f.map((x) => [x.severity, x.cells.map(toA1)])).toEqual([["warning", ["A1"]]]);
  expect(f[0].message).toContain("A1:C1");
  expect(analyzeSheet(clean, getProfile("putuo-2023")!).findings.map((x) => x.code)).not.toContain("MERGE_OVERLAP");
});
