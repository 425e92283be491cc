/**
 * The folder step (issue 13): the checks across forms run over the forms of several files, each checked on its own
 * and handed over as reports and fingerprints (plain data); messages name the other file and sheet; pairs inside one
 * workbook are not reported twice; a workbook's 忽略 decision holds for a finding across files too.
 */
import { checkWorkbook, folderForms, FolderFile, withFolderFindings, WorkbookStore, storeRows, STORE_SHEET, EMPTY_STORE } from "../../src/app";
import { getProfile, gridFromArray, SheetReport } from "../../src/engine";
import { SheetSpec, specToGrid } from "../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";

const profile = getProfile("putuo-2023")!;
const CROSS = ["GOAL_COPIED_FROM_OTHER_FORM", "PROJECT_DUPLICATED", "INDICATORS_COPIED_FROM_OTHER_FORM"];

const seed = (n: number, name = `表${n}`) => ({ ...seedSheet(SEED_FORMS[n - 1]).spec, name });
const renamed = (n: number, project: string, name = `表${n}`) => withCells(seed(n, name), [{ row: 3, col: 3, value: project }]);

/** A file as the folder step gets it: checked alone (as a worker would), reports and fingerprints. */
function file(name: string, specs: readonly SheetSpec[], store?: WorkbookStore): FolderFile {
  const grids = specs.map(specToGrid);
  const result = checkWorkbook(store ? [...grids, gridFromArray(STORE_SHEET, storeRows(store))] : grids, profile);
  // through a structured clone, as from a worker thread: plain data only
  return structuredClone({ file: name, sheets: result.sheets.map((s) => s.report), forms: folderForms(result) });
}

/** [file, sheet, code, cells, message] of every finding across forms, after the folder step. */
function crossFindings(files: readonly FolderFile[], reports: readonly SheetReport[][]) {
  return reports.flatMap((sheets, i) =>
    sheets.flatMap((s) => s.forms.flatMap((f) => f.findings.filter((x) => CROSS.includes(x.code)).map((x) => [files[i].file, s.sheet, x.code, x.cells, x.message, x.ignored ?? null]))),
  );
}

describe("withFolderFindings", () => {
  it("a 实际完成情况 that is another file's 预期目标 (seed 6 and 9 in two files): named by file and sheet", () => {
    const files = [file("a.xlsx", [seed(9)]), file("b.xlsx", [seed(6)])];
    const found = crossFindings(files, withFolderFindings(files));
    expect(found).toEqual([
      ["b.xlsx", "表6", "GOAL_COPIED_FROM_OTHER_FORM", ["F11"], expect.stringContaining("与文件“a.xlsx”的工作表“表9”（“数智普陀”城市运行管理平台（一期）建设项目）的“预期目标”相同"), null],
    ]);
  });

  it("a pair inside one workbook is reported once, by the workbook's check, whatever the other files hold", () => {
    const files = [file("a.xlsx", [seed(6), seed(9)]), file("b.xlsx", [seed(9, "表9副本")])];
    const before = crossFindings(files, files.map((f) => [...f.sheets]));
    expect(before).toEqual([["a.xlsx", "表6", "GOAL_COPIED_FROM_OTHER_FORM", ["F11"], expect.stringContaining("工作表“表9”"), null]]);
    // the same form 9 in b.xlsx: same project, same figures — neither duplicated nor copied; form 6 keeps its one finding
    expect(crossFindings(files, withFolderFindings(files))).toEqual(before);
  });

  it("the same 项目名称 in two files with different figures: PROJECT_DUPLICATED on both, each naming the other", () => {
    const changed = withCells(seed(1), [{ row: 22, col: 8, value: 95 }]);
    const files = [file("甲/表.xlsx", [seed(1)]), file("乙/表.xlsx", [changed])];
    const found = crossFindings(files, withFolderFindings(files)).map(([f, s, code, cells, message]) => [f, s, code, cells, /文件“(.+?)”/.exec(String(message))?.[1]]);
    expect(found).toEqual([
      ["甲/表.xlsx", "表1", "PROJECT_DUPLICATED", ["C3"], "乙/表.xlsx"],
      ["乙/表.xlsx", "表1", "PROJECT_DUPLICATED", ["C3"], "甲/表.xlsx"],
    ]);
  });

  it("the indicator rows of another project copied unchanged: INDICATORS_COPIED_FROM_OTHER_FORM; a workbook's 忽略 of it holds", () => {
    const plain = [file("a.xlsx", [seed(1)]), file("b.xlsx", [renamed(1, "另一个项目")])];
    const found = crossFindings(plain, withFolderFindings(plain));
    expect(found.map(([f, , code, cells]) => [f, code, cells])).toEqual([
      ["a.xlsx", "INDICATORS_COPIED_FROM_OTHER_FORM", ["F15"]],
      ["b.xlsx", "INDICATORS_COPIED_FROM_OTHER_FORM", ["F15"]],
    ]);

    const decision = { key: "另一个项目|INDICATORS_COPIED_FROM_OTHER_FORM|指标：采购设备数量", reason: "两个项目共用一套设备", by: "李审核", at: "2026-11-26" };
    const accepted = [file("a.xlsx", [seed(1)]), file("b.xlsx", [renamed(1, "另一个项目")], { ...EMPTY_STORE, accepted: [decision] })];
    const after = crossFindings(accepted, withFolderFindings(accepted));
    expect(after.map(([f, , , , , ignored]) => [f, ignored])).toEqual([
      ["a.xlsx", null],
      ["b.xlsx", { reason: "两个项目共用一套设备", by: "李审核", at: "2026-11-26" }],
    ]);
  });

  it("is pure: the reports given are not changed; a file without forms passes through", () => {
    const files = [file("a.xlsx", [seed(9)]), file("b.xlsx", [seed(6)]), file("c.xlsx", [{ name: "说明", cells: [{ row: 1, col: 1, value: "封面" }], merges: [] }])];
    const frozen = JSON.stringify(files);
    const out = withFolderFindings(files);
    expect(JSON.stringify(files)).toBe(frozen);
    expect(out[2]).toEqual(files[2].sheets);
    expect(out[0][0]).toBe(files[0].sheets[0]); // unchanged sheets are the same objects
  });
});
