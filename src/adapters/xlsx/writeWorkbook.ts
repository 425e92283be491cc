import ExcelJS from "exceljs";
import { colName, Severity, toA1, WritePlan } from "../../engine";
import { CellStyle, SheetSpec } from "../../engine/sheet/sheetSpec";

/** Highlight fills by severity (Excel's own "bad" / "neutral" / "note" palette). */
export const HIGHLIGHT_ARGB: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

/**
 * Apply a write plan to a worksheet: values (and a 0.00 format where the cell had none), and highlights
 * as conditional formats, so the cells' own fills stay as they were and clearing the rules removes them.
 */
export function applyPlanToWorksheet(ws: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const w of plan.writes) {
    const cell = ws.getCell(w.cell.row, w.cell.col);
    cell.value = w.value;
    // exceljs shares one style object among cells loaded with the same style: replace it, never mutate it
    if (w.numberFormat) cell.style = { ...cell.style, numFmt: w.numberFormat };
  }
  for (const h of plan.highlights) {
    ws.addConditionalFormatting({
      ref: toA1(h.cell),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: ["TRUE"],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: HIGHLIGHT_ARGB[h.severity] } } },
        },
      ],
    });
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.fontSize) cell.font = { name: "宋体", bold: style.bold, size: style.fontSize ?? 11 };
  if (style.wrap || style.horizontal || style.vertical) {
    cell.alignment = { wrapText: style.wrap, horizontal: style.horizontal, vertical: style.vertical };
  }
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
}

const rangeA1 = (m: { top: number; left: number; bottom: number; right: number }) =>
  `${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}`;

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
  }
  for (const m of spec.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
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

export { rangeA1 };
