/**
 * A scored copy keeps everything: `fix` on a workbook with a chart, an image, a comment, a pivot table, custom
 * document properties and a defined name (test/fixtures/files/keep-everything.xlsx, see keepEverything.ts) changes
 * only the form sheet's written cells and highlight rules, appends to styles.xml, and adds the 校验结果 sheet
 * (workbook.xml, its rels, the content types). Every other part is byte for byte the input's. LibreOffice opens it.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { getProfile, toA1 } from "../../../src/engine";
import { fixFile } from "../../../src/adapters/xlsx/files";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { tempDir } from "../../fixtures/seedWorkbooks";
import { convertWithLibreOffice, SKIP_LIBREOFFICE } from "../../template/libreOffice";

jest.setTimeout(180_000);

const FIXTURE = join(__dirname, "..", "..", "fixtures", "files", "keep-everything.xlsx");
const profile = getProfile("putuo-2023")!;

/** Every `<c …>…</c>` (or `<c …/>`) of a sheet part by its address. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\s[^>]*?r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

describe("fix keeps every part it does not write (keep-everything.xlsx)", () => {
  const input = new Uint8Array(readFileSync(FIXTURE));
  let copy: Uint8Array;
  let written: string[];
  beforeAll(async () => {
    const fixed = await fixFile(input, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    copy = fixed.bytes;
    written = fixed.result.sheets.flatMap((s) => s.plan?.writes.map((w) => toA1(w.cell)) ?? []);
  });

  it("the input is a workbook exceljs 4.4.0 cannot open (openpyxl-style targets, bug #2797) and we read", async () => {
    await expect(new ExcelJS.Workbook().xlsx.load(input.slice().buffer)).rejects.toThrow(/comments/);
    const reading = await readWorkbook(input);
    expect(reading.ok && reading.grids.map((g) => g.sheet)).toEqual(["表1", "数据", "透视"]);
  });

  it("differs only in the form sheet, styles, workbook, its rels and content types; adds one sheet part", () => {
    const before = unzipSync(input);
    const after = unzipSync(copy);
    const changed = Object.keys(before).filter((n) => after[n] === undefined || Buffer.compare(Buffer.from(before[n]), Buffer.from(after[n])) !== 0).sort();
    expect(changed).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    const added = Object.keys(after).filter((n) => before[n] === undefined);
    expect(added).toEqual(["xl/worksheets/sheet4.xml"]);
    // the parts that matter most, named, so that a regression says what was lost
    for (const kept of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/media/image1.png", "xl/comments/comment1.xml", "xl/drawings/commentsDrawing1.vml",
      "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "xl/pivotTables/pivotTable1.xml", "docProps/custom.xml", "xl/sharedStrings.xml"]) {
      expect([kept, Buffer.from(after[kept]).equals(Buffer.from(before[kept]))]).toEqual([kept, true]);
    }
  });

  it("in the form sheet, only the written cells changed; the drawing and comment references stay", () => {
    const before = strFromU8(unzipSync(input)["xl/worksheets/sheet1.xml"]);
    const after = strFromU8(unzipSync(copy)["xl/worksheets/sheet1.xml"]);
    // H8 and H9 (上年结转, 其他: 0 ÷ 0) have no rate to write
    expect(written.sort()).toEqual(["C23", "H22", "H6", "H7"]);
    const [b, a] = [cellsOf(before), cellsOf(after)];
    const differing = [...new Set([...b.keys(), ...a.keys()])].filter((r) => b.get(r) !== a.get(r)).sort();
    expect(differing).toEqual([...written].sort());
    expect(a.get("H22")).toMatch(/<v>96\.37<\/v>/);
    expect(a.get("C23")).toContain("<t>优</t>");
    expect(after).toContain('<drawing r:id="rIdD"/><legacyDrawing r:id="rIdV"/>');
    expect(after.match(/<conditionalFormatting /g)?.length).toBeGreaterThan(0);
    // the styles part only grows: the input's bytes are a prefix-and-suffix of the copy's
    const [sb, sa] = [strFromU8(unzipSync(input)["xl/styles.xml"]), strFromU8(unzipSync(copy)["xl/styles.xml"])];
    expect(sa.length).toBeGreaterThan(sb.length);
    expect(sa.replace(/ count="\d+"/g, "")).toContain(sb.slice(sb.indexOf("<cellXfs"), sb.indexOf("</cellXfs>")).replace(/ count="\d+"/g, ""));
  });

  it("the copy's workbook lists the 校验结果 sheet with its marker, and reads back with the written values", async () => {
    const workbook = strFromU8(unzipSync(copy)["xl/workbook.xml"]);
    expect(workbook).toMatch(/<sheet name="校验结果" sheetId="4" r:id="rId\d+"\/>/);
    expect(workbook).toContain(`<definedName name="ziping_findings" localSheetId="3" hidden="1">'校验结果'!$A$1</definedName>`);
    expect(workbook).toContain("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'表1'!$A$1:$I$23</definedName>");
    expect(workbook).toContain('<pivotCache cacheId="1" r:id="rIdP"/>');
    const reading = await readWorkbook(copy);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.sheets.map((s) => [s.name, s.isFindingsSheet])).toEqual([["表1", false], ["数据", false], ["透视", false], ["校验结果", true]]);
    expect(reading.grids[0].cells.get(22 * 16384 + 8)?.value).toBe(96.37);
  });

  it("every XML part of the copy is well-formed (xmllint)", () => {
    const dir = tempDir();
    const after = unzipSync(copy);
    for (const name of Object.keys(after).filter((n) => /\.(xml|rels)$/.test(n))) {
      const path = join(dir, name.replace(/[/[\]]/g, "_"));
      writeFileSync(path, after[name]);
      execFileSync("xmllint", ["--noout", path]);
    }
  });

  (SKIP_LIBREOFFICE ? it.skip : it)("LibreOffice opens the copy and keeps the chart, image, comment and pivot table", () => {
    const { outputs } = convertWithLibreOffice(new Map([["copy.xlsx", copy]]), { recalculate: false });
    const saved = outputs.get("copy.xlsx");
    expect(saved?.length).toBeGreaterThan(0);
    const parts = unzipSync(saved!);
    const names = Object.keys(parts);
    expect(names.some((n) => n.startsWith("xl/charts/"))).toBe(true);
    expect(names.some((n) => n.startsWith("xl/media/"))).toBe(true);
    expect(names.some((n) => /xl\/comments/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith("xl/pivotTables/"))).toBe(true);
    expect(strFromU8(parts["xl/workbook.xml"])).toContain('name="校验结果"');
  });
});

describe("a workbook LibreOffice wrote (its own styles, shared strings and layout)", () => {
  (SKIP_LIBREOFFICE ? it.skip : it)("is scored in place, and LibreOffice reads the written values back", async () => {
    const { SEED_FORMS, seedSheet } = await import("../../fixtures/seedForms");
    const { workbookBytes } = await import("../../fixtures/seedWorkbooks");
    const blank = await workbookBytes([seedSheet(SEED_FORMS[0], { blank: { rates: true, budgetScore: true, total: true, grade: true, indicatorScores: [1, 4] }, percentFormat: true }).spec]);
    const lo = convertWithLibreOffice(new Map([["blank.xlsx", blank]]), { recalculate: false }).outputs.get("blank.xlsx")!;
    const fixed = await fixFile(lo, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    expect(fixed.written).toBe(7);
    const back = convertWithLibreOffice(new Map([["scored.xlsx", fixed.bytes]]), { recalculate: false }).outputs.get("scored.xlsx")!;
    const reading = await readWorkbook(back);
    if (!reading.ok) throw new Error(reading.message);
    const value = (r: number, c: number) => reading.grids[0].cells.get(r * 16384 + c)?.value;
    expect([value(6, 8), value(6, 9), value(16, 8), value(19, 8), value(22, 8), value(23, 3)]).toEqual([0.9377, 9.37, 20, 5, 98.37, "优"]);
    expect(reading.grids.map((g) => g.sheet)).toEqual(["表1", "校验结果"]);
  });
});
