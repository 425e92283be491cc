/**
 * The reader on workbooks as Excel, WPS, LibreOffice and openpyxl write them, and on what it must refuse.
 * Packages are built by hand (fixtures/files/ooxml.ts) so that each case is exactly the markup in question.
 */
import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import { cellKey, getProfile } from "../../../src/engine";
import { checkFile } from "../../../src/adapters/xlsx/files";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { dateText } from "../../../src/adapters/xlsx/read/readSheet";
import { isDateFormat } from "../../../src/adapters/xlsx/read/styles";
import { shiftFormula } from "../../../src/adapters/xlsx/read/sharedFormula";
import { decodeXstring } from "../../../src/adapters/xlsx/read/sharedStrings";
import { crc32 } from "../../../src/adapters/xlsx/zip/crc32";
import { minimalWorkbook } from "../../fixtures/files/ooxml";

const profile = getProfile("putuo-2023")!;
const at = (row: number, col: number) => cellKey(row, col);

async function read(bytes: Uint8Array) {
  const r = await readWorkbook(bytes);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("pure helpers", () => {
  it.each([
    ["ROUND(F6/E6*100,2)", 1, 0, "ROUND(F7/E7*100,2)"],
    ['$A$1+B2&"C3"', 2, 1, '$A$1+C4&"C3"'],
    ["SUM(H15:H21)", 0, 1, "SUM(I15:I21)"],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["'表 1'!A1*2", 3, 0, "'表 1'!A4*2"],
    ["A$1+$B2", 1, 1, "B$1+$B3"],
    ["A1", -1, 0, "#REF!"],
  ])("shiftFormula(%s, %i, %i) = %s", (f, r, c, out) => expect(shiftFormula(f, r, c)).toBe(out));

  it.each([
    ["yyyy/m/d", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy-mm-dd", true],
    ["h:mm:ss", true],
    ["0.00%", false],
    ['0.00"天"', false],
    ["#,##0.00_);[Red](#,##0.00)", false],
    ["@", false],
    ["[DBNum1]General", false],
  ])("isDateFormat(%s) = %s", (code, yes) => expect(isDateFormat(code)).toBe(yes));

  it.each([
    [45291, false, "2023-12-31"],
    [43829, true, "2023-12-31"],
    [1, false, "1900-01-01"],
    [59, false, "1900-02-28"],
    [61, false, "1900-03-01"],
    [0, true, "1904-01-01"],
  ])("dateText(%d, 1904=%s) = %s", (serial, d1904, iso) => expect(dateText(serial, d1904)).toBe(iso));

  it("crc32 and the _xHHHH_ escape", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(decodeXstring("第一行_x000D_第二行_x005F_x")).toBe("第一行\r第二行_x");
  });
});

describe("workbooks as they come", () => {
  it("a sheet name longer than 31 characters (Excel refuses to make one, other writers don't)", async () => {
    const name = "2023年度项目支出绩效自评表（城市运行管理中心单兵设备采购项目）";
    expect(name.length).toBeGreaterThan(31);
    const r = await read(minimalWorkbook([{ name, body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row></sheetData>' }]));
    expect(r.grids[0].sheet).toBe(name);
    expect(r.grids[0].cells.get(at(1, 1))?.value).toBe("项目名称");
  });

  it("overlapping merged areas are read: the first one kept, the later one reported", async () => {
    const body = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="E5:F5"/></mergeCells>';
    const r = await read(minimalWorkbook([{ name: "表1", body }]));
    expect(r.grids[0].merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }, { top: 5, left: 5, bottom: 5, right: 6 }]);
    expect(r.grids[0].overlappingMerges).toEqual([{ top: 2, left: 2, bottom: 3, right: 3 }]);
  });

  it("1904 dates: a date-formatted serial reads as the same calendar date as in the 1900 system", async () => {
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const body = '<sheetData><row r="1"><c r="A1" s="1"><v>43829</v></c><c r="B1"><v>43829</v></c></row></sheetData>';
    const r1904 = await read(minimalWorkbook([{ name: "s", body }], { date1904: true, styles }));
    expect(r1904.grids[0].cells.get(at(1, 1))).toEqual({ value: "2023-12-31", numberFormat: 'yyyy"年"m"月"d"日"' });
    expect(r1904.grids[0].cells.get(at(1, 2))).toEqual({ value: 43829 }); // no date format: a number
    const r1900 = await read(minimalWorkbook([{ name: "s", body: body.replace("43829", "45291") }], { styles }));
    expect(r1900.grids[0].cells.get(at(1, 1))?.value).toBe("2023-12-31");
  });

  it("cells in column XFD cost one cell each: 2,000 of them read in well under a second, nothing else materialised", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}" t="inlineStr"><is><t>x${i}</t></is></c></row>`).join("");
    const started = Date.now();
    const r = await read(minimalWorkbook([{ name: "s", body: `<sheetData>${rows}</sheetData>` }]));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.grids[0].cells.size).toBe(2000);
    expect(r.grids[0].colCount).toBe(16384);
    expect(r.grids[0].cells.get(at(2000, 16384))?.value).toBe("x1999");
  });

  it("shared formulas read on every cell of their range, each with its cached result (0 included)", async () => {
    const body = '<sheetData><row r="6"><c r="H6"><f t="shared" ref="H6:H8" si="0">ROUND(F6/E6*100,2)</f><v>93.77</v></c></row><row r="7"><c r="H7"><f t="shared" si="0"/><v>0</v></c></row><row r="8"><c r="H8" t="e"><f t="shared" si="0"/><v>#DIV/0!</v></c></row></sheetData>';
    const g = (await read(minimalWorkbook([{ name: "s", body }]))).grids[0];
    expect(g.cells.get(at(6, 8))).toEqual({ value: 93.77, formula: "ROUND(F6/E6*100,2)" });
    expect(g.cells.get(at(7, 8))).toEqual({ value: 0, formula: "ROUND(F7/E7*100,2)" });
    expect(g.cells.get(at(8, 8))).toEqual({ value: "#DIV/0!", formula: "ROUND(F8/E8*100,2)" });
  });

  it("a prefixed namespace (x:), rows and cells without addresses, rich text without its phonetic guide", async () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:r><x:t>执行</x:t></x:r><x:r><x:t>率</x:t></x:r><x:rPh sb="0" eb="1"><x:t>zhi</x:t></x:rPh></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const bytes = minimalWorkbook([{ name: "s", body: "" }]);
    const { unzipParts, zipParts, setText } = await import("../../fixtures/files/ooxml");
    const parts = unzipParts(bytes);
    setText(parts, "xl/worksheets/sheet1.xml", xml);
    const g = (await read(zipParts(parts))).grids[0];
    expect(g.cells.get(at(1, 1))?.value).toBe("执行率");
    expect(g.cells.get(at(1, 2))?.value).toBe(1.5);
  });
});

describe("what is refused, with a Chinese reason", () => {
  const ods = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<x/>") });
  const otherZip = zipSync({ "readme.txt": strToU8("hello") });
  const doctype = minimalWorkbook([{ name: "s", body: "<sheetData/>" }]);
  it.each([
    [".ods (OpenDocument)", "FILE_UNREADABLE", "请用 Excel 或 WPS 另存为 .xlsx", ods],
    ["a zip that is no workbook", "FILE_UNREADABLE", "不是 Excel 工作簿", otherZip],
    ["an .xlsb", "FILE_UNREADABLE", ".xlsb", minimalWorkbook([{ name: "s", body: "<sheetData/>" }], { contentType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main" })],
  ])("%s → %s (%s)", async (_n, code, reason, bytes) => {
    const r = await checkFile(bytes, profile);
    expect(r).toMatchObject({ ok: false, code });
    expect(!r.ok && r.message).toContain(reason);
  });

  it("a DOCTYPE (entity expansion, external entities) is refused before anything is expanded", async () => {
    const { unzipParts, zipParts, setText } = await import("../../fixtures/files/ooxml");
    const parts = unzipParts(doctype);
    setText(parts, "xl/worksheets/sheet1.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>');
    const r = await checkFile(zipParts(parts), profile);
    expect(r).toMatchObject({ ok: false, code: "FILE_UNREADABLE" });
    expect(!r.ok && r.message).toContain("DOCTYPE");
  });

  it("past the limits: FILE_TOO_LARGE, from the zip directory before inflating (a 200 MB sheet in well under a second)", async () => {
    // a sheet of 200 MB of the same row, streamed into the zip (it compresses to under 1 MB)
    const { unzipParts } = await import("../../fixtures/files/ooxml");
    const row = '<row><c t="inlineStr"><is><t>填充</t></is></c><c><v>1.25</v></c></row>';
    const block = new TextEncoder().encode(row.repeat(Math.ceil((1 << 20) / row.length)));
    const chunks: Uint8Array[] = [];
    const zip = new Zip((_e, c) => chunks.push(c));
    for (const [name, content] of unzipParts(minimalWorkbook([{ name: "s", body: "<sheetData/>" }]))) {
      if (name === "xl/worksheets/sheet1.xml") continue;
      const f = new ZipDeflate(name);
      zip.add(f);
      f.push(content, true);
    }
    const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 1 });
    zip.add(sheet);
    sheet.push(strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
    for (let i = 0; i < 200; i++) sheet.push(block);
    sheet.push(strToU8("</sheetData></worksheet>"), true);
    zip.end();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    expect(sheet.size).toBeGreaterThan(200 * 1024 * 1024);
    const started = Date.now();
    const r = await checkFile(bytes, profile);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, code: "FILE_TOO_LARGE" });
    expect(!r.ok && r.message).toContain("超出本工具的处理上限");
  });

  it("a part that lies about its size is stopped while inflating, and more cells than the limit are FILE_TOO_LARGE", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    const r = await readWorkbook(minimalWorkbook([{ name: "s", body: `<sheetData>${rows}</sheetData>` }]), { xmlBytes: 1 << 20, cells: 100 });
    expect(r).toMatchObject({ ok: false, code: "FILE_TOO_LARGE" });
  });
});
