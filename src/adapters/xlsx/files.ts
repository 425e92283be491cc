import {
  checkSheetReports,
  checkSheets,
  CheckOptions,
  newTemplate,
  nextYearTemplate,
  planTotals,
  SheetSource,
  STORE_SHEET,
  StreamCheckOptions,
  WorkbookReports,
  WorkbookResult,
} from "../../app";
import { Profile, SheetSpec, WritePlan } from "../../engine";
import { FINDINGS_SHEET_MARKER, findingsSheetName } from "./findingsSheetMarker";
import { WorkbookError } from "./limits";
import { failure, OpenedWorkbook, openWorkbook, readWorkbook, UnreadableWorkbook, WorkbookSource } from "./readWorkbook";
import { FindingsSheetSource, scoredCopy, SheetPart } from "./write/scoredCopy";

/**
 * The .xlsx edge of each operation: bytes in, the app service (src/app) in the middle, bytes or results out.
 * The same functions serve `ziping` and the task pane's file mode; the input bytes are never changed. Sheets are
 * read one at a time and let go after their check (src/app/checkSheets.ts). exceljs, which only writes (the
 * templates, the 校验结果 sheet's layout), is loaded when first needed: a check never loads it.
 */

export interface FileCheckOptions extends CheckOptions {
  /** Only this sheet (by name); the others are still read for the checks across forms. */
  readonly sheet?: string;
  /** Told after each sheet is read and checked: sheets done, of all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export type FileCheck = { readonly ok: true; readonly result: WorkbookResult } | UnreadableWorkbook;

/** A worksheet as the check met it: its part, and whether it is a scored copy's own 校验结果 (never checked). */
interface MetSheet extends SheetPart {
  readonly isFindingsSheet: boolean;
}

/**
 * The worksheets of an opened workbook as a source for the streamed check: each read when asked; a scored copy's own
 * findings sheet (recognised by its marker) is not checked again, a user's sheet of that name is. Very hidden sheets
 * and one named as the store are offered first when the store is looked for.
 */
function sourceOf(opened: OpenedWorkbook, met: MetSheet[]): SheetSource {
  return {
    count: opened.worksheets.length,
    storeCandidates: opened.worksheets.flatMap((w, i) => (w.state === "veryHidden" || w.name === STORE_SHEET ? [i] : [])),
    read(i) {
      const s = opened.read(i);
      met[i] = { name: s.name, part: s.part, isFindingsSheet: s.isFindingsSheet };
      return s.isFindingsSheet ? null : s.grid;
    },
  };
}

function streamOptions(options: FileCheckOptions): StreamCheckOptions {
  return { ...options, sheets: options.sheet !== undefined ? [options.sheet] : options.sheets };
}

/** `--sheet` naming no sheet that was checked. */
function missingSheet(options: FileCheckOptions, met: readonly MetSheet[]): UnreadableWorkbook | null {
  if (options.sheet === undefined || met.some((s) => !s.isFindingsSheet && s.name === options.sheet)) return null;
  return { ok: false, code: "FILE_UNREADABLE", message: `工作簿中没有名为“${options.sheet}”的工作表` };
}

/** A workbook checked for a scored copy: the result, and what the copy is made from (the package and its sheets' parts). */
export interface CheckedForCopy {
  readonly ok: true;
  readonly result: WorkbookResult;
  readonly source: WorkbookSource;
  readonly sheets: readonly MetSheet[];
}

/** 校验 with everything a scored copy needs, sheet by sheet (the copy itself is made by scoredCopyOf, when asked for). */
export function checkForCopy(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileCheckOptions = {}): CheckedForCopy | UnreadableWorkbook {
  const opened = openWorkbook(data);
  if (!opened.ok) return opened;
  const met: MetSheet[] = [];
  let result: WorkbookResult;
  try {
    result = checkSheets(sourceOf(opened, met), profile, streamOptions(options));
  } catch (e) {
    return failure(e);
  }
  return missingSheet(options, met) ?? { ok: true, result, source: opened.source, sheets: met };
}

/** 校验: read an .xlsx and check every sheet (or the one named), one sheet at a time. */
export async function checkFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileCheckOptions = {}): Promise<FileCheck> {
  const checked = checkForCopy(data, profile, options);
  return checked.ok ? { ok: true, result: checked.result } : checked;
}

export type FileReports = ({ readonly ok: true } & WorkbookReports) | UnreadableWorkbook;

/**
 * 校验 for the report only (`ziping check`): one sheet at a time, and of each only its report and its forms'
 * fingerprints kept, so a workbook of thousands of forms takes the memory of its largest sheet plus the reports.
 */
export function checkFileReports(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileCheckOptions = {}): FileReports {
  const opened = openWorkbook(data);
  if (!opened.ok) return opened;
  const met: MetSheet[] = [];
  let reports: WorkbookReports;
  try {
    reports = checkSheetReports(sourceOf(opened, met), profile, streamOptions(options));
  } catch (e) {
    return failure(e);
  }
  return missingSheet(options, met) ?? { ok: true, ...reports };
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

/** Whether a package holds macros (.xlsm / .xltm): its copy keeps them, so it must be saved as such. */
export function isMacroEnabled(source: WorkbookSource): boolean {
  return /macroEnabled/i.test(source.workbook.contentType);
}

/**
 * The scored copy of a checked workbook: each form's write plan applied (rules.md §5) and a 校验结果 sheet listing the
 * findings for those who open it without the add-in. The copy is the input package edited in place
 * (write/scoredCopy.ts): every part the plan does not touch is kept byte for byte.
 */
export async function scoredCopyOf(
  checked: CheckedForCopy,
  options: Pick<FileFixOptions, "findingsSheet"> = {},
): Promise<{ readonly ok: true; readonly bytes: Uint8Array; readonly findingsSheet: string | null } | UnreadableWorkbook> {
  const { result, source, sheets } = checked;
  const plans = result.sheets.map((s) => s.plan).filter((p): p is WritePlan => p !== null);
  const reports = result.sheets.map((s) => s.report);
  let findings: FindingsSheetSource | null = null;
  if ((options.findingsSheet ?? true) && reports.some((r) => r.isForm)) {
    const replaces = sheets.find((s) => s.isFindingsSheet) ?? null;
    const name = replaces?.name ?? findingsSheetName(source.workbook.sheets.map((s) => s.name));
    const [{ default: ExcelJS }, { writeFindingsSheet, FINDINGS_PRINT_TITLE_ROWS }] = await Promise.all([import("exceljs"), import("./findingsSheet")]);
    const scratch = new ExcelJS.Workbook();
    writeFindingsSheet(scratch, { sheets: result.sheets, profile: result.profile, at: new Date() }, name);
    const bytes = new Uint8Array((await scratch.xlsx.writeBuffer()) as ArrayBuffer);
    findings = { scratch: bytes, name, replaces: replaces && { name: replaces.name, part: replaces.part }, marker: FINDINGS_SHEET_MARKER, printTitleRows: FINDINGS_PRINT_TITLE_ROWS };
  }
  try {
    return { ok: true, bytes: scoredCopy(source, sheets, plans, findings), findingsSheet: findings?.name ?? null };
  } catch (e) {
    if (e instanceof WorkbookError) return { ok: false, code: e.code, message: e.message };
    // a package shape the in-place edit does not know: say so, write nothing
    return { ok: false, code: "FILE_UNREADABLE", message: "无法生成已计分副本（工作簿的结构无法识别），未写入任何内容；请用 Excel 或 WPS 另存为 .xlsx 后再试" };
  }
}

/** 校验并计分 on a file: the check and the scored copy's bytes (see scoredCopyOf). */
export async function fixFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileFixOptions = {}): Promise<FileFix> {
  const checked = checkForCopy(data, profile, options);
  if (!checked.ok) return checked;
  const copy = await scoredCopyOf(checked, options);
  if (!copy.ok) return copy;
  const totals = planTotals(checked.result);
  return { ok: true, result: checked.result, bytes: copy.bytes, written: totals.writes, highlighted: totals.highlights, macroEnabled: isMacroEnabled(checked.source), findingsSheet: copy.findingsSheet };
}

/**
 * The .xlsx bytes of a template sheet. The workbook asks for a full recalculation on load, so every spreadsheet
 * shows the formulas' own results whatever cached values it finds.
 */
export async function templateBytes(spec: SheetSpec): Promise<Uint8Array> {
  const [{ default: ExcelJS }, { addSheetFromSpec, workbookToBytes }] = await Promise.all([import("exceljs"), import("./writeWorkbook")]);
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
