import ExcelJS from "exceljs";
import { CellStyle, rangeA1, SheetSpec } from "../../engine";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.fontSize) cell.font = { name: "宋体", bold: style.bold, size: style.fontSize ?? 11 };
  if (style.wrap || style.horizontal || style.vertical) {
    cell.alignment = { wrapText: style.wrap, horizontal: style.horizontal, vertical: style.vertical };
  }
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
}

/** Write a SheetSpec as a new worksheet: values, formulas, formats, styles, merges, widths, validations, print setup. */
export function addSheetFromSpec(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(spec.name, {
    pageSetup: spec.printFitWidth
      ? {
          paperSize: 9,
          orientation: "portrait",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          horizontalCentered: true,
          margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
        }
      : undefined,
  });
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula !== undefined) {
      cell.value = { formula: c.formula, result: (c.value ?? undefined) as ExcelJS.CellFormulaValue["result"] } as ExcelJS.CellFormulaValue;
    } else if (c.value !== null) cell.value = c.value;
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.style) applyStyle(cell, c.style);
    // a link looks like one (Excel does not style a link it reads from a file); the link itself is the package
    // editor's (write/hyperlinks.ts), which writes it as Excel does
    if (c.link) cell.font = { ...(cell.font ?? {}), color: { argb: "FF0563C1" }, underline: true };
  }
  for (const m of spec.merges) ws.mergeCells(rangeA1(m));
  for (const { col, width } of spec.columnWidths ?? []) ws.getColumn(col).width = width;
  for (const { row, height } of spec.rowHeights ?? []) ws.getRow(row).height = height;
  for (const v of spec.validations ?? []) {
    const validation: ExcelJS.DataValidation =
      v.kind === "list"
        ? { type: "list", allowBlank: true, formulae: [`"${v.items.join(",")}"`], showInputMessage: true, prompt: v.prompt }
        : {
            type: "decimal",
            allowBlank: true,
            operator: v.maxFormula ? "between" : "greaterThanOrEqual",
            formulae: v.maxFormula ? [v.min, v.maxFormula] : [v.min],
            showErrorMessage: true,
            errorTitle: "输入有误",
            error: v.prompt,
          };
    for (let r = v.range.top; r <= v.range.bottom; r++) {
      for (let c = v.range.left; c <= v.range.right; c++) ws.getCell(r, c).dataValidation = validation;
    }
  }
  return ws;
}

/** Workbook to .xlsx bytes. */
export async function workbookToBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
