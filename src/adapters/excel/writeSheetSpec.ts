import { newTemplate, nextYearTemplate } from "../../app";
import { CellStyle, colName, isDeclaration, DataValidationSpec, Grid, rangeA1, SheetSpec } from "../../engine";
import { chooseProfile } from "./chooseProfile";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { errorReason, ExcelFailure, failure, isBlocking } from "./failures";
import { NO_OWN_WRITES, OwnWrites } from "./ownWrites";
import { readActiveSheet } from "./readActiveSheet";
import { PROFILE_SETTING } from "./settingsKeys";
import { asEntered } from "./typedText";

export interface WriteSpecResult {
  readonly ok: true;
  /** The name the sheet got (the spec's, or with " (2)" when taken). */
  readonly sheet: string;
  readonly notes: readonly string[];
}

/** A sheet name not yet taken: "自评表", "自评表 (2)", … (Excel names are case-insensitive). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Excel column width in points from an .xlsx width in characters (Calibri 11: 7 px a character + 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center" } as const;

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.bold) range.format.font.bold = true;
  if (style.fontSize) range.format.font.size = style.fontSize;
  if (style.wrap) range.format.wrapText = true;
  if (style.horizontal) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) range.format.verticalAlignment = VERTICAL[style.vertical];
  if (style.fill) range.format.fill.color = `#${style.fill.slice(-6)}`;
  if (style.border) {
    for (const edge of EDGES) {
      const b = range.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}

function applyValidation(range: Excel.Range, v: DataValidationSpec): void {
  if (v.kind === "list") {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.items.join(",") } };
    range.dataValidation.prompt = { showPrompt: true, title: "", message: v.prompt };
  } else {
    range.dataValidation.rule = {
      decimal: v.maxFormula
        ? { operator: "Between", formula1: v.min, formula2: v.maxFormula.startsWith("=") ? v.maxFormula : `=${v.maxFormula}` }
        : { operator: "GreaterThanOrEqualTo", formula1: v.min },
    };
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "输入有误", message: v.prompt };
  }
}

/** The print setup of a template: A4 portrait, one page wide. */
function queuePrintSetup(ws: Excel.Worksheet, zoom: Excel.PageLayoutZoomOptions): void {
  ws.pageLayout.paperSize = "A4";
  ws.pageLayout.orientation = "Portrait";
  ws.pageLayout.zoom = zoom;
}

/**
 * One page wide and as many tall as needed. `verticalFitToPages: 0` is what an .xlsx stores for that (ECMA-376
 * pageSetup@fitToHeight, "0 … as many pages as necessary") but is undocumented for Office.js
 * (PageLayoutZoomOptions); when Excel refuses it, the sheet is kept and only `horizontalFitToPages` is set.
 */
const FIT_WIDTH: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };
const FIT_WIDTH_ONLY: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1 };

/**
 * Queue a new worksheet from a SheetSpec (no sync), built hidden and revealed at the end so that a failure never
 * shows half a sheet: values and formulas in one block (text written as text: typedText.ts), number formats,
 * styles, merges, column widths, row heights; data validation (ExcelApi 1.8) where supported; then it is shown and
 * activated, and last the print setup (1.9). `taken` are the workbook's sheet names, loaded by the caller.
 */
export function queueSheetSpec(context: Excel.RequestContext, spec: SheetSpec, taken: readonly string[], capabilities: ExcelCapabilities, ownWrites: OwnWrites = NO_OWN_WRITES): string {
  const name = uniqueSheetName(spec.name, taken);
  const ws = context.workbook.worksheets.add(name);
  ws.visibility = "Hidden";
  const rows = Math.max(1, ...spec.cells.map((c) => c.row));
  const cols = Math.max(1, ...spec.cells.map((c) => c.col));
  const formulas: (string | number | boolean | null)[][] = Array.from({ length: rows }, () => Array<null>(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => Array<null>(cols).fill(null));
  let hasFormats = false;
  for (const c of spec.cells) {
    // a constant like "-", "100%" or "=103.00(台)" must stay the text it is; a Text ("@") cell keeps an apostrophe
    // as part of its value, so text goes into one as it is
    formulas[c.row - 1][c.col - 1] =
      c.formula !== undefined ? `=${c.formula}` : c.value === null ? null : c.numberFormat === "@" && typeof c.value === "string" ? c.value : asEntered(c.value);
    if (c.numberFormat) {
      formats[c.row - 1][c.col - 1] = c.numberFormat;
      hasFormats = true;
    }
  }
  const block = ws.getRange(rangeA1({ top: 1, left: 1, bottom: rows, right: cols }));
  ownWrites.note({ name }, [rangeA1({ top: 1, left: 1, bottom: rows, right: cols })]);
  // number formats first, so that "0.00" applies as the values arrive; null leaves a cell as it is
  if (hasFormats) block.numberFormat = formats as string[][];
  block.formulas = formulas as (string | number | boolean)[][];
  for (const c of spec.cells) if (c.style) applyStyle(ws.getCell(c.row - 1, c.col - 1), c.style);
  // links (the 汇总's to each form): within the workbook as a document reference (Range.hyperlink, ExcelApi 1.7)
  if (capabilities.hyperlinks) {
    for (const c of spec.cells) {
      if (!c.link) continue;
      const text = c.value === null ? "" : String(c.value);
      ws.getCell(c.row - 1, c.col - 1).hyperlink = c.link.startsWith("#") ? { documentReference: c.link.slice(1), textToDisplay: text } : { address: c.link, textToDisplay: text };
    }
  }
  for (const m of spec.merges) ws.getRange(rangeA1(m)).merge(false);
  for (const { col, width } of spec.columnWidths ?? []) ws.getRange(`${colName(col)}:${colName(col)}`).format.columnWidth = columnWidthPoints(width);
  for (const { row, height } of spec.rowHeights ?? []) ws.getRange(`${row}:${row}`).format.rowHeight = height;
  if (capabilities.dataValidation) for (const v of spec.validations ?? []) applyValidation(ws.getRange(rangeA1(v.range)), v);
  ws.visibility = "Visible";
  ws.activate();
  if (capabilities.pageLayout && spec.printFitWidth) queuePrintSetup(ws, FIT_WIDTH);
  return name;
}

/**
 * Run the queued sheet (one sync). A batch stops at its first failing command and keeps what ran before it, so on
 * failure the sheet is looked at: shown already → only activation or the print setup failed: finish them (the print
 * setup without the undocumented value, and without it at all if Excel still refuses); still hidden → the sheet is
 * deleted and nothing is left of it.
 */
export async function runSheetBuild(context: Excel.RequestContext, name: string, spec: SheetSpec, capabilities: ExcelCapabilities): Promise<{ readonly ok: true; readonly notes: readonly string[] } | ExcelFailure> {
  try {
    await context.sync();
    return { ok: true, notes: [] };
  } catch (e) {
    if (isBlocking(e)) throw e;
    const reason = errorReason(e);
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("visibility");
    await context.sync();
    if (ws.isNullObject) return failure("TEMPLATE_FAILED", `新建工作表时出错（${reason}），未做任何改动。`);
    if (ws.visibility !== "Visible") {
      ws.delete();
      await context.sync();
      return failure("TEMPLATE_FAILED", `新建工作表时出错（${reason}），已删除未完成的工作表，未做任何改动。`);
    }
    ws.activate();
    if (capabilities.pageLayout && spec.printFitWidth) queuePrintSetup(ws, FIT_WIDTH_ONLY);
    try {
      await context.sync();
      return { ok: true, notes: [] };
    } catch (again) {
      if (isBlocking(again)) throw again;
      ws.activate();
      await context.sync();
      return { ok: true, notes: [`未能设置打印为“一页宽”（${errorReason(again)}），可在“页面布局”中设置。`] };
    }
  }
}

/** Add a new worksheet from a SheetSpec in two syncs (the taken names; then everything). */
export async function writeSheetSpec(context: Excel.RequestContext, spec: SheetSpec, capabilities: ExcelCapabilities = detectCapabilities()): Promise<WriteSpecResult | ExcelFailure> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = queueSheetSpec(context, spec, sheets.items.map((s) => s.name), capabilities);
  const built = await runSheetBuild(context, name, spec, capabilities);
  return built.ok ? { ok: true, sheet: name, notes: built.notes } : built;
}

/**
 * 新建自评表 (a new project's), 生成下年度模板 (from this year's 自评表), 从申报表 (this year's 自评表 from the
 * project's 申报表, rules.md §7.3), 部门整体 (a blank 部门整体支出绩效自评表).
 */
export type TemplateKind = "new" | "nextYear" | "fromDeclaration" | "department";

const NOT_A_DECLARATION = "当前工作表不是绩效目标申报表（未找到只有“指标值”、没有“实际完成值”和“得分”的指标表），无法生成自评表；请先打开项目的申报表所在的工作表，未写入任何内容。";

export type TemplateResult = { readonly ok: true; readonly sheet: string; readonly year: number; readonly notes: readonly string[] } | ExcelFailure;

/**
 * 新建自评表 / 生成下年度模板 in two syncs: the first loads the sheet names, the workbook's profile and (next year)
 * the active sheet; the second writes the new sheet, built by the engine (the same SheetSpec as `ziping template`).
 * `profileId` overrides the one stored with the workbook. Next year's form from a sheet that is no form: a
 * failure, and nothing written. A failure while building leaves no half sheet (runSheetBuild).
 */
export async function addTemplateSheet(
  context: Excel.RequestContext,
  kind: TemplateKind,
  options: { readonly profileId?: string; readonly capabilities?: ExcelCapabilities; readonly ownWrites?: OwnWrites } = {},
): Promise<TemplateResult> {
  const capabilities = options.capabilities ?? detectCapabilities();
  let taken: readonly string[];
  let storedId: string | undefined;
  let grid: Grid | undefined;
  if (kind === "nextYear" || kind === "fromDeclaration") {
    // the active sheet's read brings the sheet names and the stored profile along
    const read = await readActiveSheet(context, { ...capabilities, conditionalFormats: false });
    if (!read.ok) return read;
    taken = read.sheetNames;
    storedId = read.profileId ?? undefined;
    grid = read.grid;
  } else {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const stored = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
    stored.load("value");
    await context.sync();
    taken = sheets.items.map((s) => s.name);
    storedId = !stored.isNullObject && typeof stored.value === "string" ? stored.value : undefined;
  }
  const resolved = chooseProfile(options.profileId, null, storedId ?? null);
  if (!resolved.ok) return resolved;
  const made = grid ? nextYearTemplate([grid], resolved.profile, { sheet: grid.sheet }) : newTemplate(resolved.profile, { kind: kind === "department" ? "department" : "project" });
  if (!made.ok) return kind === "fromDeclaration" ? failure("FORM_NOT_FOUND", NOT_A_DECLARATION) : failure("FORM_NOT_FOUND");
  // 从申报表 needs a 申报表 on the active sheet; 生成下年度模板 a 自评表
  const declared = made.fromKind !== undefined && isDeclaration(made.fromKind);
  if (kind === "fromDeclaration" && !declared) return failure("FORM_NOT_FOUND", NOT_A_DECLARATION);
  const name = queueSheetSpec(context, made.spec, taken, capabilities, options.ownWrites);
  const built = await runSheetBuild(context, name, made.spec, capabilities);
  return built.ok ? { ok: true, sheet: name, year: made.year, notes: built.notes } : built;
}
