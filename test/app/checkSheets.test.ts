/**
 * The streamed check (issue 12): sheets read one at a time and let go, the checks across forms run at the end on the
 * forms' fingerprints. Its results must be checkWorkbook()'s, sheet for sheet, whatever the workbook holds: forms whose
 * indicators or goals were copied from each other, several forms on a sheet, sheets that are no form, a store with
 * accepted findings (also of the checks across forms) and taught words, wherever the store sheet is.
 */
import { acceptFinding, checkSheetReportPart, checkSheetReports, checkSheets, checkWorkbook, EMPTY_STORE, folderForms, gridSource, ReportPart, reportsOfParts, SheetSource, storeRows, STORE_SHEET, withTaughtLabel, WorkbookStore } from "../../src/app";
import { createGrid, getProfile, Grid, gridFromArray } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { moved } from "../fixtures/gridVariants";
import { referenceCheckWorkbook } from "./referenceCheck";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;
const seeds = (): Grid[] => SEED_FORMS.map((f) => specToGrid(seedSheet(f).spec));
const cover = () => specToGrid(coverSheet());
const storeGrid = (store: WorkbookStore, name = STORE_SHEET): Grid => gridFromArray(name, storeRows(store));

function together(name: string, a: Grid, b: Grid): Grid {
  const cells = (g: Grid) => [...g.cells].map(([key, cell]) => ({ row: Math.floor(key / 16384), col: key % 16384, cell }));
  return createGrid({ sheet: name, cells: [...cells(a), ...cells(b)], merges: [...a.merges, ...b.merges] });
}

/** A store accepting one finding of each kind the checks across forms give on the seed forms, and a warning of its own. */
function acceptingStore(): WorkbookStore {
  const result = checkWorkbook([cover(), ...seeds()], profile);
  let store: WorkbookStore = withTaughtLabel(EMPTY_STORE, { table: "indicators", field: "actual", text: "完成程度说明" });
  const crossCodes = new Set(["INDICATORS_COPIED_FROM_OTHER_FORM", "GOAL_COPIED_FROM_OTHER_FORM", "PROJECT_DUPLICATED"]);
  const picked = new Set<string>();
  for (const s of result.sheets) {
    for (const form of s.analysis.forms) {
      form.findings.forEach((f, i) => {
        if (f.severity === "error" || picked.has(f.code) || !(crossCodes.has(f.code) || f.code === "DEVIATION_MISSING")) return;
        const accepted = acceptFinding(store, form, i, { reason: "已核实", by: "复核人", at: "2026-11-25" });
        if (accepted.ok) {
          store = accepted.store;
          picked.add(f.code);
        }
      });
    }
  }
  // the seed forms do give checks across forms, so this table tests them
  expect([...picked].filter((c) => crossCodes.has(c)).length).toBeGreaterThan(0);
  return store;
}

const store = acceptingStore();
const twoOnOne = () => together("两张表", specToGrid({ ...seedSheet(SEED_FORMS[0]).spec, name: "两张表" }), moved(specToGrid({ ...seedSheet(SEED_FORMS[0]).spec, name: "两张表" }), 30, 0));

const WORKBOOKS: [string, () => Grid[], { sheets?: string[] }?][] = [
  ["the 11 seed forms and a cover sheet", () => [cover(), ...seeds()]],
  ["a cover sheet only (no form: FORM_NOT_FOUND stays a warning)", () => [cover(), specToGrid(coverSheet("封面"))]],
  ["two copies of one form on a sheet, beside the others (PROJECT_DUPLICATED, copied indicators)", () => [twoOnOne(), ...seeds().slice(0, 3)]],
  ["a store sheet last, accepting findings of the checks across forms", () => [cover(), ...seeds(), storeGrid(store)]],
  ["a store sheet first, under another name", () => [storeGrid(store, "设置"), ...seeds(), cover()]],
  ["two store sheets: the first one counts", () => [...seeds().slice(0, 4), storeGrid(store), storeGrid(EMPTY_STORE, "旧设置")]],
  ["only some sheets asked for: the others are still compared", () => [cover(), ...seeds()], { sheets: ["表2", "表7", "说明"] }],
];

describe.each(WORKBOOKS)("%s", (_name, grids, options = {}) => {
  // the pipeline composed over all the grids at once, as checkWorkbook was before it became checkSheets over them
  const expected = referenceCheckWorkbook(grids(), profile, options);

  it("checkSheets gives the all-in-memory composition's result, sheet for sheet (and so does checkWorkbook)", () => {
    expect(checkWorkbook(grids(), profile, options)).toEqual(expected);
    expect(checkSheets(gridSource(grids()), profile, options)).toEqual(expected);
  });

  it("checkSheetReports gives the same reports (the same JSON), and the forms of the sheets reported as a folder compares them", () => {
    const streamed = checkSheetReports(gridSource(grids()), profile, options);
    expect(JSON.stringify(streamed.reports)).toBe(JSON.stringify(expected.sheets.map((s) => s.report)));
    expect(streamed.counts).toEqual(expected.counts);
    expect(streamed.store).toEqual(expected.store);
    // what the folder step compares: the fingerprints and 忽略 decisions folderForms() makes of the whole result
    expect(streamed.forms).toEqual(folderForms(expected));
    expect(streamed.forms.map((f) => `${f.sheet}#${f.index}`)).toEqual(expected.sheets.flatMap((s) => s.analysis.forms.map((_f, i) => `${s.analysis.sheet}#${i}`)));
  });
});

describe.each(WORKBOOKS)("in parts (a large workbook on several threads): %s", (_name, grids, options = {}) => {
  const whole = checkSheetReports(gridSource(grids()), profile, options);

  it.each([2, 3, 5])("cut into %d parts and put together: the one-pass reports, forms and counts", (parts) => {
    const n = grids().length;
    const done = Array.from({ length: parts }, (_p, k) => checkSheetReportPart(gridSource(grids()), profile, options, { from: Math.floor((n * k) / parts), to: Math.floor((n * (k + 1)) / parts) }));
    expect(done.every((p) => p !== null)).toBe(true);
    // as the parts cross from the worker threads: plain data
    const together = reportsOfParts((done as ReportPart[]).map((p) => structuredClone(p)));
    expect(JSON.stringify(together.reports)).toBe(JSON.stringify(whole.reports));
    expect(together.forms).toEqual(whole.forms);
    expect(together.counts).toEqual(whole.counts);
    expect(together.store).toEqual(whole.store);
  });
});

it("a part that meets a store sheet the check did not start from says so (null): the workbook is then checked in one pass", () => {
  const grids = [cover(), ...seeds().slice(0, 2), storeGrid(store, "设置"), ...seeds().slice(2, 4)];
  // a file's source offers only very hidden sheets and ours as candidates: "设置" is met on the way
  const source: SheetSource = { count: grids.length, read: (i) => grids[i], storeCandidates: [] };
  expect(checkSheetReportPart(source, profile, {}, { from: 0, to: 3 })).not.toBeNull();
  expect(checkSheetReportPart(source, profile, {}, { from: 3, to: 6 })).toBeNull();
  // one pass starts again with it, and so its reports differ from a part's that did not know it
  expect(checkSheetReports(source, profile).store).toEqual(store);
});

describe("one sheet at a time", () => {
  /** A source that counts reads and tells how many grids were asked for before the previous sheet's progress came. */
  function counting(grids: Grid[], candidates?: number[]) {
    const reads: number[] = [];
    const progress: [number, number][] = [];
    const source: SheetSource = { count: grids.length, read: (i) => (reads.push(i), grids[i]), ...(candidates ? { storeCandidates: candidates } : {}) };
    return { source, reads, progress, onProgress: (d: number, t: number) => progress.push([d, t]) };
  }

  it("reads each sheet once, in order, and tells the progress after each", () => {
    const grids = [cover(), ...seeds()];
    const c = counting(grids);
    checkSheetReports(c.source, profile, { onProgress: c.onProgress });
    expect(c.reads).toEqual(grids.map((_g, i) => i));
    expect(c.progress).toEqual(grids.map((_g, i) => [i + 1, grids.length]));
  });

  it("reads the store sheet first when it is among the candidates (very hidden, or named as ours)", () => {
    const grids = [cover(), ...seeds().slice(0, 2), storeGrid(store)];
    const c = counting(grids, [3]);
    checkSheetReports(c.source, profile);
    expect(c.reads).toEqual([3, 0, 1, 2, 3]);
  });

  it("starts again with the store when it is met where it was not expected (the forms are read by its words)", () => {
    const grids = [cover(), ...seeds().slice(0, 2), storeGrid(store, "设置")];
    const c = counting(grids);
    const result = checkSheetReports(c.source, profile);
    expect(c.reads).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    expect(result.store).toEqual(store);
  });

  it("a sheet the reader leaves out (our 校验结果) is neither checked nor reported", () => {
    const grids = [cover(), ...seeds().slice(0, 2)];
    const source: SheetSource = { count: grids.length + 1, read: (i) => (i === 1 ? null : grids[i === 0 ? 0 : i - 1]) };
    expect(checkSheetReports(source, profile).reports.map((r) => r.sheet)).toEqual(["说明", "表1", "表2"]);
  });
});
