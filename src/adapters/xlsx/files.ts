import ExcelJS from "exceljs";
import { checkWorkbook, CheckOptions, newTemplate, nextYearTemplate, planTotals, WorkbookResult } from "../../app";
import { Profile, SheetSpec, WritePlan } from "../../engine";
import { FINDINGS_PRINT_TITLE_ROWS, FINDINGS_SHEET_MARKER, findingsSheetName, writeFindingsSheet } from "./findingsSheet";
import { WorkbookError } from "./limits";
import { readWorkbook, UnreadableWorkbook, WorkbookReading } from "./readWorkbook";
import { FindingsSheetSource, scoredCopy } from "./write/scoredCopy";
import { addSheetFromSpec, workbookToBytes } from "./writeWorkbook";

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
  // a scored copy's own findings sheet (recognised by its marker) is not checked again; a user's sheet of that name is
  const grids = reading.sheets.filter((s) => !s.isFindingsSheet).map((s) => s.grid);
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

export type FileFix =
  | {
      readonly ok: true;
      readonly result: WorkbookResult;
      readonly bytes: Uint8Array;
      readonly written: number;
      readonly highlighted: number;
      /** The workbook holds macros (.xlsm / .xltm): the copy keeps them, and its content type, so it must be saved as such. */
      readonly macroEnabled: boolean;
      /** The name of the 校验结果 sheet in the copy (校验结果(2)… when the user has a sheet of that name); null when none. */
      readonly findingsSheet: string | null;
    }
  | UnreadableWorkbook;

/**
 * 校验并计分 on a file: the scored copy's bytes, with each form's write plan applied (rules.md §5) and a 校验结果
 * sheet listing the findings for those who open it without the add-in. The copy is the input package edited in
 * place (write/scoredCopy.ts): every part the plan does not touch is kept byte for byte.
 */
export async function fixFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileFixOptions = {}): Promise<FileFix> {
  const read = await readAndCheck(data, profile, options);
  if (!read.ok) return read;
  const { reading, result } = read;
  const plans = result.sheets.map((s) => s.plan).filter((p): p is WritePlan => p !== null);
  const reports = result.sheets.map((s) => s.report);
  let findings: FindingsSheetSource | null = null;
  if ((options.findingsSheet ?? true) && reports.some((r) => r.isForm)) {
    const replaces = reading.sheets.find((s) => s.isFindingsSheet) ?? null;
    const name = replaces?.name ?? findingsSheetName(reading.source.workbook.sheets.map((s) => s.name));
    const scratch = new ExcelJS.Workbook();
    writeFindingsSheet(scratch, { sheets: result.sheets, profile: result.profile, at: new Date() }, name);
    const bytes = new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer);
    findings = { scratch: bytes, name, replaces, marker: FINDINGS_SHEET_MARKER, printTitleRows: FINDINGS_PRINT_TITLE_ROWS };
  }
  let bytes: Uint8Array;
  try {
    bytes = scoredCopy(reading.source, reading.sheets, plans, findings);
  } catch (e) {
    if (e instanceof WorkbookError) return { ok: false, code: e.code, message: e.message };
    // a package shape the in-place edit does not know: say so, write nothing
    return { ok: false, code: "FILE_UNREADABLE", message: "无法生成已计分副本（工作簿的结构无法识别），未写入任何内容；请用 Excel 或 WPS 另存为 .xlsx 后再试" };
  }
  const totals = planTotals(result);
  const macroEnabled = /macroEnabled/i.test(reading.source.workbook.contentType);
  return { ok: true, result, bytes, written: totals.writes, highlighted: totals.highlights, macroEnabled, findingsSheet: findings?.name ?? null };
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
  const made = nextYearTemplate(reading.sheets.filter((s) => !s.isFindingsSheet).map((s) => s.grid), profile, options);
  if (!made.ok) return made;
  return { ok: true, bytes: await templateBytes(made.spec), spec: made.spec, year: made.year, from: made.from };
}
