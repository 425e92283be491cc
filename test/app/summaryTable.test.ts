import { checkWorkbook, summaryRows, summarySheetSpec, worstFirst } from "../../src/app";
import { getProfile } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { changedForm } from "../fixtures/cleanForm";
import { coverSheet, EXPECTED, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

describe("汇总: one row per form", () => {
  const result = checkWorkbook([specToGrid(coverSheet()), ...SEED_FORMS.map((f) => specToGrid(seedSheet(f).spec))], profile);
  const rows = summaryRows(result);

  it("the 11 seed forms with the rules.md §6 totals and grades", () => {
    expect(rows).toHaveLength(11);
    rows.forEach((r, i) => {
      expect([r.sheet, r.projectName, r.totalLabel, r.total, r.grade, r.errors]).toEqual([`表${i + 1}`, SEED_FORMS[i].title, "总分", EXPECTED[i + 1].total, EXPECTED[i + 1].grade, 0]);
      expect(r.warnings + r.infos).toBe(result.sheets[i + 1].report.findings.length);
    });
  });

  it("worst first: errors, then warnings, then the lowest total", () => {
    const bad = checkWorkbook([specToGrid({ ...changedForm([{ row: 22, col: 8, value: 98 }]), name: "错" }), specToGrid({ ...changedForm([]), name: "好" })], profile);
    expect(worstFirst(summaryRows(bad)).map((r) => [r.sheet, r.errors])).toEqual([["错", 1], ["好", 0]]);
  });

  it("as a sheet: a link to each form, the 评分方案 on every row", () => {
    const spec = summarySheetSpec(rows, profile.name);
    const row2 = spec.cells.filter((c) => c.row === 2);
    expect(row2.map((c) => c.value)).toEqual(["表1", SEED_FORMS[0].title, "96.37", "优", 0, expect.any(Number), expect.any(Number), 0, profile.name]);
    expect(row2[1].link).toBe("#'表1'!H6");
    const folder = summarySheetSpec(summaryRows(result, "2023/普陀.xlsx"), profile.name);
    expect(folder.cells.find((c) => c.row === 2 && c.link)?.link).toBe("2023/普陀.xlsx#'表1'!H6");
    expect(folder.cells.filter((c) => c.row === 1).map((c) => c.value)[0]).toBe("文件");
  });
});
