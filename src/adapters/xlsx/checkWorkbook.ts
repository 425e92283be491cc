import {
  analyzeWorkbook,
  buildWritePlan,
  Profile,
  SheetAnalysis,
  sheetReport,
  SheetReport,
  WritePlan,
  WritePlanOptions,
} from "../../engine";
import { readWorkbook, UnreadableWorkbook } from "./readWorkbook";
import { FINDINGS_SHEET_NAME, writeFindingsSheet } from "./findingsSheet";
import { applyPlanToWorksheet, workbookToBytes } from "./writeWorkbook";

export interface CheckOptions {
  readonly profile: Profile;
  /** Only this sheet (by name). */
  readonly sheet?: string;
}

/** Open the workbook and analyze every sheet, or only the one named. */
async function readAndAnalyze(data: ArrayBuffer | Uint8Array, options: CheckOptions) {
  const reading = await readWorkbook(data);
  if (!reading.ok) return reading;
  // a scored copy's own findings sheet is not checked again
  const sheets = reading.grids.filter((g) => g.sheet !== FINDINGS_SHEET_NAME);
  const grids = options.sheet === undefined ? sheets : sheets.filter((g) => g.sheet === options.sheet);
  if (options.sheet !== undefined && grids.length === 0) {
    return { ok: false, code: "FILE_UNREADABLE", message: `工作簿中没有名为“${options.sheet}”的工作表` } as const;
  }
  return { ok: true, reading, grids, analyses: analyzeWorkbook(grids, options.profile) } as const;
}

export type WorkbookCheck =
  | { readonly ok: true; readonly analyses: readonly SheetAnalysis[]; readonly reports: readonly SheetReport[] }
  | UnreadableWorkbook;

/** Read an .xlsx and analyze every sheet (or the one named). The same path serves the CLI and the web page. */
export async function checkWorkbook(data: ArrayBuffer | Uint8Array, options: CheckOptions): Promise<WorkbookCheck> {
  const read = await readAndAnalyze(data, options);
  if (!read.ok) return read;
  return { ok: true, analyses: read.analyses, reports: read.analyses.map(sheetReport) };
}

export type WorkbookFix =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly plans: readonly WritePlan[]; readonly reports: readonly SheetReport[] }
  | UnreadableWorkbook;

/**
 * 校验并计分 on a file: the scored copy's bytes, with derived cells written and findings highlighted on every
 * form sheet (rules.md §5), and a 校验结果 sheet listing the findings for those who open it without the add-in.
 * The form sheets get nothing else; the input bytes are not changed.
 */
export interface FixOptions extends CheckOptions, WritePlanOptions {
  /** Add the 校验结果 sheet listing every finding (default true). */
  readonly findingsSheet?: boolean;
}

export async function fixWorkbook(data: ArrayBuffer | Uint8Array, options: FixOptions): Promise<WorkbookFix> {
  const read = await readAndAnalyze(data, options);
  if (!read.ok) return read;
  const { reading, grids, analyses } = read;
  const plans: WritePlan[] = [];
  analyses.forEach((a, i) => {
    if (!a.form) return;
    const plan = buildWritePlan(a.form, grids[i], a.findings, options);
    const ws = reading.workbook.getWorksheet(a.sheet);
    if (ws) applyPlanToWorksheet(ws, plan);
    plans.push(plan);
  });
  const reports = analyses.map(sheetReport);
  if ((options.findingsSheet ?? true) && reports.some((r) => r.isForm)) writeFindingsSheet(reading.workbook, reports);
  const bytes = await workbookToBytes(reading.workbook);
  return { ok: true, bytes, plans, reports };
}
