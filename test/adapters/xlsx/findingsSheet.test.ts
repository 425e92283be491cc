import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { changedForm } from "../../fixtures/cleanForm";
import { checkWorkbook } from "../../../src/app";
import { fixFile } from "../../../src/adapters/xlsx/files";
import { FINDINGS_SHEET_NAME, findingsSheetParts, FindingsSheetInput, wrappedLines } from "../../../src/adapters/xlsx/findingsSheet";
import { getProfile, SEVERITY_ORDER } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { coverSheet, SEED_FORMS, seedSheet } from "../../fixtures/seedForms";
import { allSeedFormsBytes } from "../../fixtures/seedWorkbooks";

const profile = getProfile("putuo-2023")!;

async function loadList(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.getWorksheet(FINDINGS_SHEET_NAME)!;
}

/** The sheet findingsSheetParts lays out, alone in a package of its own, as exceljs reads it. */
async function listOf(input: FindingsSheetInput): Promise<ExcelJS.Worksheet> {
  const { sheet, styles } = findingsSheetParts(input);
  const ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  const bytes = zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships ${ns}><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${FINDINGS_SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships ${ns}><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(styles),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
  return loadList(bytes);
}

const text = (ws: ExcelJS.Worksheet, row: number, col: number) => {
  const v = ws.getRow(row).getCell(col).value;
  return v === null || v === undefined ? "" : String(v);
};

describe("the 校验结果 sheet of a scored copy", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const fixed = await fixFile(await allSeedFormsBytes({ blank: { rates: true, grade: true } }), profile);
    if (!fixed.ok) throw new Error(fixed.message);
    ws = await loadList(fixed.bytes);
  });

  it("is set up to print: A4 landscape, one page wide, the header row repeated, a page number in the footer", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:4" });
    expect(ws.headerFooter.oddFooter).toContain("&P");
    expect([1, 2, 3, 4, 5, 6].map((c) => text(ws, 4, c))).toEqual(["工作表", "单元格", "级别", "说明", "计算", "代码"]);
  });

  it("looks as it did when exceljs laid it out: header grey and bold, levels in their colours, frozen under the header, rows 1–3 across the table", () => {
    const argb = (row: number, col: number) => ((ws.getRow(row).getCell(col).fill as ExcelJS.FillPattern | undefined)?.fgColor as { argb?: string } | undefined)?.argb;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width)).toEqual([12, 11, 8, 60, 36, 24]);
    expect(ws.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(argb(4, 1)).toBe("FFD9D9D9");
    expect(ws.getRow(4).getCell(6).border?.top?.style).toBe("thin");
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getRow(5).getCell(4).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect((ws as unknown as { _merges: Record<string, unknown> })._merges).toHaveProperty("A1");
    expect(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort()).toEqual(["A1", "A2", "A3"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    const colourOf: Record<string, string> = { 错误: "FFFFC7CE", 警告: "FFFFEB9C", 提示: "FFDDEBF7", 已写入: "FFC6EFCE" };
    let seen = 0;
    ws.eachRow((row, n) => {
      const level = text(ws, n, 3);
      if (n <= 4 || !(level in colourOf)) return;
      seen++;
      expect({ n, level, fill: argb(n, 3) }).toEqual({ n, level, fill: colourOf[level] });
      expect(row.getCell(6).font).toMatchObject({ size: 9, color: { argb: "FF595959" } });
    });
    expect(seen).toBeGreaterThan(50);
    // a block's heading row: bold on a light grey fill
    expect(ws.getRow(5).getCell(4).font?.bold).toBe(true);
    expect(argb(5, 4)).toBe("FFF2F2F2");
  });

  it("leaves out characters XML cannot hold (a control character typed into a cell) instead of writing a file Excel refuses", async () => {
    const [sheet] = checkWorkbook([specToGrid(seedSheet(SEED_FORMS[0]).spec)], profile).sheets;
    const named = { ...sheet.report, sheet: "表\u0007一" };
    const list = await listOf({ sheets: [{ report: named, writes: [] }], profile, at: new Date() });
    expect(text(list, 5, 1)).toBe("表一");
  });

  it("records the 评分方案 and the time at the top", () => {
    expect(text(ws, 1, 1)).toBe("校验结果");
    expect(text(ws, 2, 1)).toMatch(/^评分方案：普陀区 2023（截尾）（putuo-2023）\u3000校验时间：\d{4}-\d\d-\d\d \d\d:\d\d\u3000共 11 张自评表：错误 0 条，警告 \d+ 条，提示 \d+ 条$/);
  });

  it("one block per form: its 总分 / 等级 line, then 已写入 (previous → new, why), then the findings 错误 → 警告 → 提示", () => {
    const rows: string[][] = [];
    ws.eachRow((r, n) => {
      if (n > 4) rows.push([1, 2, 3, 4, 5, 6].map((c) => text(ws, n, c)));
    });
    const blocks: string[][][] = [];
    for (const r of rows) {
      if (r[1] === "" && r[2] === "" && r[3] !== "没有发现问题。") blocks.push([r]);
      else blocks[blocks.length - 1].push(r);
    }
    // 11 forms and the sheet that is no form
    expect(blocks).toHaveLength(12);
    const [first] = blocks;
    expect(first[0][3]).toBe("购买新智能单兵设备\n总分 96.37　评分等级 优　执行率 93.77%　｜　错误 0 条，警告 6 条，提示 4 条");
    const written = first.filter((r) => r[2] === "已写入");
    expect(written.map((r) => [r[1], r[3]])).toEqual([
      ["H6", "执行率（年度资金总额）：（空） → 93.77"],
      ["H7", "执行率（其中：当年财政拨款）：（空） → 93.77"],
      ["C23", "评分等级：（空） → 优"],
    ]);
    expect(written[0][4]).toBe("原为空；91.60 ÷ 97.68 × 100% = 93.77%");
    const levels = first.slice(1 + written.length).map((r) => r[2]);
    const rank = (l: string) => SEVERITY_ORDER.indexOf((({ 错误: "error", 警告: "warning", 提示: "info" }) as const)[l as "错误"]);
    expect(levels.map(rank)).toEqual([...levels.map(rank)].sort((a, b) => a - b));
    expect(blocks[11][0][3]).toBe("其他工作表（没有找到自评表，未校验）：“说明”");
  });

  it("every row is tall enough for its wrapped text", () => {
    const widths = [1, 2, 3, 4, 5, 6].map((c) => ws.getColumn(c).width!);
    ws.eachRow((row, n) => {
      if (n < 4) return;
      const lines = Math.max(...[1, 2, 3, 4, 5, 6].map((c) => (text(ws, n, c) ? wrappedLines(text(ws, n, c), widths[c - 1]) : 1)));
      expect({ n, height: row.height }).toEqual({ n, height: expect.any(Number) });
      expect(row.height).toBeGreaterThanOrEqual(lines * 15);
    });
  });

  it("a form that does not add up at its root shows its 得分合计, not a 总分 verdict", async () => {
    // 分值 adding up to 110: the sum is said, no verdict (rules.md §5)
    const [sheet] = checkWorkbook([specToGrid(changedForm([{ row: 15, col: 7, value: 40 }, { row: 15, col: 8, value: 40 }]))], profile).sheets;
    const list = await listOf({ sheets: [{ report: sheet.report, writes: [] }], profile, at: new Date(2024, 0, 2, 3, 4) });
    expect(text(list, 2, 1)).toContain("校验时间：2024-01-02 03:04");
    expect(text(list, 5, 4)).toContain("得分合计 109.37（分值合计为 110.00，不是 100.00，不给出总分和评分等级）");
    expect(text(list, 5, 4)).not.toMatch(/评分等级 [优良中差]/);
  });

  it("a sheet that is no form is named at the end", async () => {
    const result = checkWorkbook([specToGrid(seedSheet(SEED_FORMS[0]).spec), specToGrid(coverSheet())], profile);
    const list = await listOf({ sheets: result.sheets, profile, at: new Date() });
    expect(text(list, list.rowCount, 4)).toBe("其他工作表（没有找到自评表，未校验）：“说明”");
  });
});

describe("wrappedLines", () => {
  it("counts a CJK character about twice a digit's width, and each paragraph on its own lines", () => {
    expect(wrappedLines("", 10)).toBe(1);
    expect(wrappedLines("123456", 10)).toBe(1);
    expect(wrappedLines("1234567890", 10)).toBe(2);
    expect(wrappedLines("一二三四", 10)).toBe(2);
    expect(wrappedLines("一\n二", 60)).toBe(2);
    expect(wrappedLines("指".repeat(60), 60)).toBe(3);
  });
});
