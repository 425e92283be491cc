/**
 * The 校验结果 sheet as a reviewer prints it: a scored copy of the seed workbook (derived cells blank, so the copy
 * writes and lists them), every other sheet removed, printed to PDF by LibreOffice headless and read back with
 * pdftotext. On paper every row's cell and its 说明 are on the same page and in the same row, no message is cut
 * (its whole text lies inside its own row, above the next row), the header row is on every page, and the
 * 评分方案 and the time are at the top.
 */
import ExcelJS from "exceljs";
import { copyFileSync } from "node:fs";
import { fixFile } from "../../../src/adapters/xlsx/files";
import { FINDINGS_SHEET_NAME } from "../../../src/adapters/xlsx/findingsSheet";
import { workbookToBytes } from "../../fixtures/writeWorkbook";
import { getProfile } from "../../../src/engine";
import { allSeedFormsBytes } from "../../fixtures/seedWorkbooks";
import { SKIP_LIBREOFFICE } from "../../template/libreOffice";
import { PdfPage, PdfWord, pdfPages, printWithLibreOffice } from "./printPdf";

jest.setTimeout(240_000);

const strip = (s: string) => s.replace(/\s+/g, "");

interface SheetRow {
  readonly row: number;
  readonly cells: string;
  readonly message: string;
  readonly calculation: string;
}

/** The rows under the header, as the sheet holds them. */
function sheetRows(ws: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n <= 4) return;
    const text = (c: number) => (row.getCell(c).value === null || row.getCell(c).value === undefined ? "" : String(row.getCell(c).value));
    rows.push({ row: n, cells: text(2), message: text(4), calculation: text(5) });
  });
  return rows;
}

/** The x range of a column on a page, from the header words (单元格 … 级别 … 说明 … 计算 … 代码). */
function columnRanges(page: PdfPage): Record<"cells" | "message" | "calculation", [number, number]> {
  const header = (text: string) => {
    const w = page.words.find((x) => x.text === text);
    if (!w) throw new Error(`page without the header word ${text}`);
    return w;
  };
  const [cells, level, message, calculation, code] = ["单元格", "级别", "说明", "计算", "代码"].map(header);
  // a header is left-aligned in its column: a column runs from its header's x to the next header's x
  return { cells: [cells.xMin - 2, level.xMin - 2], message: [message.xMin - 2, calculation.xMin - 2], calculation: [calculation.xMin - 2, code.xMin - 2] };
}

/**
 * Read one column of the printed sheet, top to bottom over all pages, and cut it into the expected texts in
 * order. Each text must be made of consecutive words (no other row's words in between, which is what a cut
 * message looks like: its clipped lines overlap the next row) and must not cross a page.
 */
function locate(pages: readonly PdfPage[], column: "cells" | "message" | "calculation", expected: readonly string[]): { page: number; top: number; bottom: number }[] {
  const stream: PdfWord[] = [];
  for (const page of pages) {
    const [from, to] = columnRanges(page)[column];
    const headerBottom = page.words.find((w) => w.text === "说明")!.yMax;
    // the body: below the repeated header, above the footer (第 n 页，共 m 页) in the bottom margin
    const body = (w: PdfWord) => w.yMin > headerBottom && w.yMax < page.height - 40;
    stream.push(...page.words.filter((w) => w.xMin >= from && w.xMin < to && body(w)).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin));
  }
  let i = 0;
  return expected.map((text, n) => {
    const want = strip(text);
    let got = "";
    const words: PdfWord[] = [];
    while (got.length < want.length && i < stream.length) {
      words.push(stream[i]);
      got += strip(stream[i].text);
      i++;
    }
    if (got !== want) throw new Error(`row ${n + 1} of column ${column}: expected “${want}”, printed “${got}”`);
    const pagesOf = new Set(words.map((w) => w.page));
    if (pagesOf.size !== 1) throw new Error(`row ${n + 1} of column ${column} crosses a page: “${want}”`);
    return { page: words[0].page, top: Math.min(...words.map((w) => w.yMin)), bottom: Math.max(...words.map((w) => w.yMax)) };
  });
}

const describeIfLibreOffice = SKIP_LIBREOFFICE ? describe.skip : describe;

describeIfLibreOffice("the 校验结果 sheet on paper (LibreOffice → PDF → pdftotext)", () => {
  let pages: PdfPage[];
  let rows: SheetRow[];

  beforeAll(async () => {
    const profile = getProfile("putuo-2023")!;
    const input = await allSeedFormsBytes({ blank: { rates: true, total: true, grade: true } });
    const fixed = await fixFile(input, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    expect(fixed.written).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixed.bytes.buffer.slice(fixed.bytes.byteOffset, fixed.bytes.byteOffset + fixed.bytes.byteLength) as ArrayBuffer);
    for (const ws of [...wb.worksheets]) if (ws.name !== FINDINGS_SHEET_NAME) wb.removeWorksheet(ws.id);
    rows = sheetRows(wb.getWorksheet(FINDINGS_SHEET_NAME)!);
    const pdf = printWithLibreOffice(await workbookToBytes(wb), "校验结果.xlsx");
    if (process.env.ZIPING_KEEP_PDF) copyFileSync(pdf, process.env.ZIPING_KEEP_PDF);
    pages = pdfPages(pdf);
  });

  it("prints A4 landscape, the 评分方案 and the time at the top, the header row on every page", () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(Math.round(p.width)).toBe(842); // A4 landscape, in points
      expect(Math.round(p.height)).toBe(595);
      for (const h of ["工作表", "单元格", "级别", "说明", "计算", "代码"]) expect(p.words.map((w) => w.text)).toContain(h);
    }
    const first = strip(pages[0].words.map((w) => w.text).join(""));
    expect(first).toContain(strip("评分方案：普陀区 2023（截尾）（putuo-2023）"));
    expect(first).toMatch(/校验时间：\d{4}-\d\d-\d\d\d\d:\d\d/);
  });

  it("every row's cell and 说明 are on the same page and in the same row; no 说明 or 计算 is cut", () => {
    const listed = rows.filter((r) => r.cells !== "");
    expect(listed.length).toBeGreaterThan(60);
    expect(listed.some((r) => r.message.startsWith("执行率（年度资金总额）：（空） → 93.77"))).toBe(true);
    const messages = locate(pages, "message", rows.map((r) => r.message));
    const calculations = locate(pages, "calculation", rows.filter((r) => r.calculation !== "").map((r) => r.calculation));
    expect(calculations.length).toBeGreaterThan(10);
    const cells = locate(pages, "cells", listed.map((r) => r.cells));
    listed.forEach((r, i) => {
      const m = messages[rows.indexOf(r)];
      expect({ row: r.row, page: cells[i].page }).toEqual({ row: r.row, page: m.page });
      // both are top-aligned in the same row
      expect(Math.abs(cells[i].top - m.top)).toBeLessThan(3);
    });
    // rows follow each other on the page: no text of a row reaches into the next one
    for (let i = 1; i < messages.length; i++) {
      if (messages[i].page === messages[i - 1].page) expect(messages[i - 1].bottom).toBeLessThan(messages[i].top);
    }
  });
});
