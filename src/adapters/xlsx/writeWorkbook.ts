import ExcelJS from "exceljs";
import { CellStyle, highlightArgb, HIGHLIGHT_RGB, highlightRuleFormula, isOwnHighlightRule, planMarks, rangeA1, SheetSpec, toA1, WritePlan } from "../../engine";

type ConditionalFormatting = ExcelJS.ConditionalFormattingOptions;

/**
 * Whether a conditional format of a loaded sheet is one of ours: tagged (engine/highlight), or — from copies
 * scored before rules were tagged — an always-TRUE expression filled with one of our colours.
 */
function isOwnFormatting(cf: ConditionalFormatting): boolean {
  const palette = new Set(Object.values(HIGHLIGHT_RGB).map((rgb) => `FF${rgb}`));
  return cf.rules.every((rule) => {
    const formula = "formulae" in rule ? (rule.formulae as unknown[] | undefined)?.[0] : undefined;
    if (isOwnHighlightRule(formula)) return true;
    const argb = (rule.style?.fill as { bgColor?: { argb?: string } } | undefined)?.bgColor?.argb;
    return rule.type === "expression" && formula === "TRUE" && argb !== undefined && palette.has(argb);
  });
}

/**
 * Apply a write plan to a worksheet: values (and a 0.00 format where the cell had none), and highlights as tagged
 * conditional formats that replace the previous run's, so the cells' own fills stay as they were, scoring a scored
 * copy again leaves one set, and the add-in's 清除标注 removes them.
 */
export function applyPlanToWorksheet(ws: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const w of plan.writes) {
    const cell = ws.getCell(w.cell.row, w.cell.col);
    cell.value = w.value;
    // exceljs shares one style object among cells loaded with the same style: replace it, never mutate it
    if (w.numberFormat) cell.style = { ...cell.style, numFmt: w.numberFormat };
  }
  ws.removeConditionalFormatting((cf: ConditionalFormatting) => !isOwnFormatting(cf));
  // the values are written above, so written cells get their own mark (engine/plan/planMarks)
  for (const m of planMarks(plan, { written: true })) {
    ws.addConditionalFormatting({
      ref: toA1(m.cell),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [highlightRuleFormula(m.kind)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: highlightArgb(m.kind) } } },
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
