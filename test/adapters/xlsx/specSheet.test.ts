/**
 * A SheetSpec laid out without exceljs (write/specSheet.ts): it reads back as writeWorkbook.ts's exceljs sheet
 * looked — 宋体 for bold text, thin black borders, centred headers, links blue and underlined, widths, one page wide —
 * and a template's formulas, number formats and validations (test/template holds the whole template to its spec and
 * recalculates it in LibreOffice).
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { specSheetPackage } from "../../../src/adapters/xlsx/write/specSheet";
import { summarySheetSpec } from "../../../src/app";
import type { SheetSpec } from "../../../src/engine";

async function read(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets[0];
}

const row = { file: null, sheet: "表1", cell: "H21", projectName: "购买新智能单兵设备\u0007", total: "96.37", totalLabel: "总分", grade: "优", errors: 0, warnings: 6, infos: 2, ignored: 0, form: 1 } as const;

it("the 汇总 of one form reads back as the exceljs writer laid it out", async () => {
  const spec = summarySheetSpec([row as never], "普陀区 2023（截尾）");
  const ws = await read(specSheetPackage(spec));
  expect(ws.name).toBe("汇总");
  expect(ws.getCell("A1").value).toBe("工作表");
  expect(ws.getCell("A1").font).toMatchObject({ bold: true, name: "宋体" });
  expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
  expect(ws.getCell("A1").border?.top).toMatchObject({ style: "thin", color: { argb: "FF000000" } });
  // the link cell: blue and underlined (the link itself is the package editor's), the control character left out
  expect(ws.getCell("B2").value).toBe("购买新智能单兵设备");
  expect(ws.getCell("B2").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
  expect(ws.getCell("F2").value).toBe(6);
  expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([14, 36, 18]);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
});

it("the same spec gives the same bytes", () => {
  const spec = summarySheetSpec([row as never], "普陀区");
  expect(Buffer.from(specSheetPackage(spec)).equals(Buffer.from(specSheetPackage(spec)))).toBe(true);
});

it("a template's parts: a formula with its cached number, a custom number format, a validation on one cell and on a range, recalculated on opening", async () => {
  const spec: SheetSpec = {
    name: "表",
    cells: [
      { row: 1, col: 1, value: 1234.5, numberFormat: "#,##0.00" },
      { row: 1, col: 2, value: 2, numberFormat: '0.00"分"' },
      { row: 1, col: 3, value: 3, formula: "A1+B1" },
    ],
    merges: [],
    validations: [
      { kind: "decimal", range: { top: 1, left: 1, bottom: 1, right: 1 }, min: "0", prompt: "不小于 0" },
      { kind: "list", range: { top: 2, left: 1, bottom: 5, right: 1 }, items: ["优", "良"], prompt: "请选择" },
    ],
  };
  const bytes = specSheetPackage(spec, { fullCalcOnLoad: true });
  const ws = await read(bytes);
  expect(ws.getCell("A1").numFmt).toBe("#,##0.00");
  expect(ws.getCell("B1").numFmt).toBe('0.00"分"');
  expect(ws.getCell("C1").value).toMatchObject({ formula: "A1+B1", result: 3 });
  expect(ws.getCell("A1").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
  expect(ws.getCell("A4").dataValidation).toMatchObject({ type: "list", formulae: ['"优,良"'] });
  // exceljs does not read calcPr back: the part itself
  expect(strFromU8(unzipSync(bytes)["xl/workbook.xml"])).toContain('<calcPr fullCalcOnLoad="1"/>');
});
