import ExcelJS from "exceljs";
import { checkWorkbook, CheckOptions, newTemplate, nextYearTemplate, planTotals, WorkbookResult } from "../../app";
import { Profile, SheetSpec } from "../../engine";
import { FINDINGS_SHEET_NAME, writeFindingsSheet } from "./findingsSheet";
import { readWorkbook, UnreadableWorkbook, WorkbookReading } from "./readWorkbook";
import { addSheetFromSpec, applyPlanToWorksheet, workbookToBytes } from "./writeWorkbook";

/**
 * The .xlsx edge of each operation: bytes in, the app service (src/app) in the middle, bytes or results out.
 * The same functions serve `ziping` and the task pane's file mode; the input bytes are never changed.
 */

export interface FileCheckOptions extends CheckOptions {
  /** Only this sheet (by name); the others are still read for the checks across forms. */
  readonly sheet?: string;
}

export type FileCheck = { readonly ok: true; readonly result: WorkbookResult } | UnreadableWorkbook;

type Read = { readonly ok: true; readonly reading: Extract<WorkbookReading, { ok: true }>; readonly result: WorkbookResult } | UnreadableWorkbook;

async function readAndCheck(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileCheckOptions): Promise<Read> {
  const reading = await readWorkbook(data);
  if (!reading.ok) return reading;
  // a scored copy's own findings sheet is not checked again
  const grids = reading.grids.filter((g) => g.sheet !== FINDINGS_SHEET_NAME);
  if (options.sheet !== undefined && !grids.some((g) => g.sheet === options.sheet)) {
    return { ok: false, code: "FILE_UNREADABLE", message: `工作簿中没有名为“${options.sheet}”的工作表` };
  }
  const sheets = options.sheet !== undefined ? [options.sheet] : options.sheets;
  return { ok: true, reading, result: checkWorkbook(grids, profile, { ...options, sheets }) };
}

/** 校验: read an .xlsx and check every sheet (or the one named). */
export async function checkFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileCheckOptions = {}): Promise<FileCheck> {
  const read = await readAndCheck(data, profile, options);
  return read.ok ? { ok: true, result: read.result } : read;
}

export interface FileFixOptions extends FileCheckOptions {
  /** Add the 校验结果 sheet listing every finding (default true). */
  readonly findingsSheet?: boolean;
}

export type FileFix = { readonly ok: true; readonly result: WorkbookResult; readonly bytes: Uint8Array; readonly written: number; readonly highlighted: number } | UnreadableWorkbook;

/**
 * 校验并计分 on a file: the scored copy's bytes, with each form's write plan applied (rules.md §5) and a 校验结果
 * sheet listing the findings for those who open it without the add-in. The form sheets get nothing else.
 */
export async function fixFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileFixOptions = {}): Promise<FileFix> {
  const read = await readAndCheck(data, profile, options);
  if (!read.ok) return read;
  const { reading, result } = read;
  for (const s of result.sheets) {
    const ws = s.plan && reading.workbook.getWorksheet(s.plan.sheet);
    if (ws && s.plan) applyPlanToWorksheet(ws, s.plan);
  }
  if ((options.findingsSheet ?? true) && result.sheets.some((s) => s.report.isForm)) {
    writeFindingsSheet(reading.workbook, { sheets: result.sheets, profile: result.profile, at: new Date() });
  }
  const totals = planTotals(result);
  return { ok: true, result, bytes: await workbookToBytes(reading.workbook), written: totals.writes, highlighted: totals.highlights };
}

/**
 * The .xlsx bytes of a template sheet. The workbook asks for a full recalculation on load, so every spreadsheet
 * shows the formulas' own results whatever cached values it finds.
 */
export async function templateBytes(spec: SheetSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSheetFromSpec(workbook, spec);
  workbook.calcProperties.fullCalcOnLoad = true;
  return workbookToBytes(workbook);
}

export type TemplateFile =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly spec: SheetSpec; readonly year: number; readonly from?: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** 新建自评表 as .xlsx bytes. */
export async function newTemplateFile(profile: Profile, options: { readonly year?: number } = {}): Promise<TemplateFile> {
  const made = newTemplate(profile, options);
  if (!made.ok) return made;
  return { ok: true, bytes: await templateBytes(made.spec), spec: made.spec, year: made.year };
}

/** 生成下年度模板 from an .xlsx: from the sheet named, or from the first sheet that is a 自评表. */
export async function nextYearTemplateFile(data: Uint8Array, profile: Profile, options: { readonly sheet?: string } = {}): Promise<TemplateFile> {
  const reading = await readWorkbook(data);
  if (!reading.ok) return reading;
  const made = nextYearTemplate(reading.grids, profile, options);
  if (!made.ok) return made;
  return { ok: true, bytes: await templateBytes(made.spec), spec: made.spec, year: made.year, from: made.from };
}
