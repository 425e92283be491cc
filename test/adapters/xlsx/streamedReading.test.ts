/**
 * Reading one sheet at a time (issue 12): the limits that bound memory are a sheet's own (its XML, its cells), the
 * workbook's bound the time; a workbook of more cells than one sheet may hold is read, sheet by sheet. And nothing
 * the tool does loads exceljs any more (255 KB gzipped in the pane, half a second of start-up on the command line):
 * a guard against bringing it back.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkSheetReports } from "../../../src/app";
import { checkFileReports } from "../../../src/adapters/xlsx/files";
import { openWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { getProfile } from "../../../src/engine";
import { minimalWorkbook } from "../../fixtures/files/ooxml";

const profile = getProfile("putuo-2023")!;
const rows = (n: number) => `<sheetData>${Array.from({ length: n }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("")}</sheetData>`;
const sheets = (...cells: number[]) => minimalWorkbook(cells.map((n, i) => ({ name: `表${i + 1}`, body: rows(n) })));

/** Open and read every sheet as the streamed check does; the outcome as the check's edge says it. */
function readAll(bytes: Uint8Array, limits: Parameters<typeof openWorkbook>[1]) {
  const opened = openWorkbook(bytes, limits);
  if (!opened.ok) return opened;
  try {
    const reports = checkSheetReports({ count: opened.worksheets.length, read: (i) => opened.read(i).grid }, profile);
    return { ok: true as const, sheets: reports.reports.length };
  } catch (e) {
    return { ok: false as const, message: (e as Error).message };
  }
}

describe("limits of a sheet and of a workbook", () => {
  const limits = { xmlBytes: 1 << 20, cells: 100, workbookXmlBytes: 1 << 22, workbookCells: 250 };

  it("three sheets of 80 cells: more than one sheet may hold, within the workbook's: read", () => {
    expect(readAll(sheets(80, 80, 80), limits)).toEqual({ ok: true, sheets: 3 });
  });

  it.each([
    ["one sheet of 120 cells: past a sheet's limit, named", [120], "工作表“表1”的单元格超过 100 个"],
    ["four sheets of 80 cells: past the workbook's limit", [80, 80, 80, 80], "工作簿的单元格超过 250 个"],
  ])("%s", (_n, cells, message) => {
    const r = readAll(sheets(...cells), limits);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain(message);
  });

  it("a reader of one part of a workbook (share ½) may read half the workbook's cells: two sheets of 80 of 250 are past it", () => {
    expect(readAll(sheets(80), { ...limits, share: 0.5 })).toEqual({ ok: true, sheets: 1 });
    const r = readAll(sheets(80, 80), { ...limits, share: 0.5 });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain("工作簿的单元格超过");
    // the whole workbook's limit is what the directory's sizes are held against, as for one reader
    expect(openWorkbook(sheets(80, 80), { ...limits, share: 0.001 })).toMatchObject({ ok: true });
  });

  it("a sheet whose XML the directory says is past a sheet's limit is refused before anything is inflated", () => {
    const r = openWorkbook(sheets(10, 2000), { ...limits, xmlBytes: 40_000, cells: 10_000, workbookCells: 100_000 });
    expect(r).toMatchObject({ ok: false, code: "FILE_TOO_LARGE" });
    expect(!r.ok && r.message).toContain("工作表“表2”的内容超过");
  });

  it("the defaults: a sheet of 2 million cells and 128 MB, a workbook of 5 million cells and 512 MB", async () => {
    const { DEFAULT_LIMITS } = await import("../../../src/adapters/xlsx/limits");
    expect(DEFAULT_LIMITS).toEqual({ xmlBytes: 128 * 1024 * 1024, cells: 2_000_000, workbookXmlBytes: 512 * 1024 * 1024, workbookCells: 5_000_000 });
  });

  it("a check for the report only (ziping check) takes a workbook past the defaults: 20,000 forms are 5.2 million cells", async () => {
    const { REPORT_LIMITS } = await import("../../../src/adapters/xlsx/limits");
    expect(REPORT_LIMITS).toEqual({ xmlBytes: 128 * 1024 * 1024, cells: 2_000_000, workbookXmlBytes: 1024 * 1024 * 1024, workbookCells: 25_000_000 });
    // a 20,000-form workbook through the built command within a 2 GB heap: npm run bench (too slow for the suite)
  });
});

describe("nothing loads exceljs at run time (it is the tests' own writer and reader)", () => {
  it("checkFile, checkFileReports, fixFile (its 校验结果 and 汇总 sheets) and a template of the compiled code leave exceljs unloaded (npm test builds first)", () => {
    const dist = join(__dirname, "..", "..", "..", "dist", "node", "adapters", "xlsx", "files.js");
    const sample = join(__dirname, "..", "..", "..", "samples", "seed-forms-2023.xlsx");
    const script = `
      const files = require(${JSON.stringify(dist)});
      const { getProfile } = require(${JSON.stringify(join(dist, "..", "..", "..", "engine"))});
      const bytes = require("fs").readFileSync(${JSON.stringify(sample)});
      const loaded = () => Object.keys(require.cache).some((k) => k.includes("node_modules/exceljs"));
      (async () => {
        const a = loaded();
        const checked = await files.checkFile(bytes, getProfile());
        const reports = files.checkFileReports(bytes, getProfile());
        const b = loaded();
        const fixed = await files.fixFile(bytes, getProfile());
        const c = loaded();
        const summed = await files.fixFile(bytes, getProfile(), { summarySheet: true });
        const d = loaded();
        const template = await files.newTemplateFile(getProfile());
        console.log(JSON.stringify({ a, b, c, d, e: loaded(), ok: [checked.ok, reports.ok, fixed.ok, summed.ok, template.ok] }));
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(r.stdout)).toEqual({ a: false, b: false, c: false, d: false, e: false, ok: [true, true, true, true, true] });
  });

  it("ziping check of the compiled code never loads exceljs (its 600 modules took 260 ms to load), nor does --summary or template", () => {
    const cli = join(__dirname, "..", "..", "..", "dist", "node", "cli", "ziping.js");
    const sample = join(__dirname, "..", "..", "..", "samples", "seed-forms-2023.xlsx");
    const out = join(tmpdir(), `ziping-summary-${process.pid}.xlsx`);
    const script = `
      const { main } = require(${JSON.stringify(cli)});
      const loaded = () => Object.keys(require.cache).some((k) => k.includes("node_modules/exceljs"));
      const io = { out: () => {}, err: () => {} };
      (async () => {
        const a = await main(["check", "--json", ${JSON.stringify(sample)}], io);
        const before = loaded();
        const b = await main(["check", "--summary", ${JSON.stringify(out)}, "--force", ${JSON.stringify(sample)}], io);
        const summed = loaded();
        const c = await main(["template", "--out", ${JSON.stringify(out.replace(/\.xlsx$/, "-template.xlsx"))}, "--force"], io);
        console.log(JSON.stringify({ codes: [a, b, c], before, summed, after: loaded() }));
      })();`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, ZIPING_WORKERS: "1" } });
    expect(JSON.parse(r.stdout)).toEqual({ codes: [0, 0, 0], before: false, summed: false, after: false });
  });

  it("checkFileReports gives the reports of checkFile", async () => {
    const { allSeedFormsBytes } = await import("../../fixtures/seedWorkbooks");
    const { checkFile } = await import("../../../src/adapters/xlsx/files");
    const bytes = await allSeedFormsBytes();
    const full = await checkFile(bytes, profile);
    const lean = checkFileReports(bytes, profile);
    expect(full.ok && lean.ok).toBe(true);
    if (full.ok && lean.ok) expect(JSON.stringify(lean.reports)).toBe(JSON.stringify(full.result.sheets.map((s) => s.report)));
  });
});
