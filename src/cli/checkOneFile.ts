import { checkFileReports, ProfileChoice } from "../adapters/xlsx/files";
import type { WorkbookFailureCode } from "../adapters/xlsx/limits";
import { FormReport, Profile } from "../engine";
import { AS_OBJECTS, FolderForm, ReportPacking, WorkbookReportsOf } from "../app";
import { workbookBytes } from "./inputs";
import { FileResultOf, ProfileUsed } from "./textReport";

/**
 * One input of `ziping check`, checked: its report (what the JSON and text reports print) and, apart from it (it is
 * not printed), its forms' fingerprints, so the checks across the files of a folder can compare them (folderReport.ts).
 * Plain data: it crosses from a worker thread to the main thread as it is.
 */
export interface CheckedFile<F = FormReport> extends FileResultOf<F> {
  /** Its forms as the folder step compares them (empty for a file that could not be read). */
  readonly forms: readonly FolderForm[];
}

export interface CheckOneFileOptions {
  readonly sheet?: string;
  /** --profile was given: without it, a workbook is checked with its own 评分方案 (its store sheet) when it has one. */
  readonly profileChosen: boolean;
  /** Told after each sheet: sheets done, of all (for the progress bar of a single large workbook). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What is said of a file whose check failed in a way nobody foresaw (a defect, a worker that died). */
export const INTERNAL_FAILURE = "处理这个文件时出现内部错误，已跳过（其他文件照常校验）";

export function failedFile<F = FormReport>(file: string, message = INTERNAL_FAILURE, code: WorkbookFailureCode = "FILE_UNREADABLE"): CheckedFile<F> {
  return { file, error: { code, message }, sheets: [], forms: [] };
}

/** Which 评分方案 a file was checked with and where it came from (`--profile`, the workbook's store, the default). */
export function profileUsedOf(profile: Profile, choice: ProfileChoice, chosen: boolean): ProfileUsed {
  const from = choice.from === "workbook" ? "workbook" : chosen ? "option" : "default";
  return { id: profile.id, name: profile.name, from, ...(choice.note ? { note: choice.note } : {}) };
}

/** A workbook's reports as the file's entry: its sheets, the 评分方案 used and where from, its forms for the folder step. */
export function checkedFile<F>(file: string, checked: WorkbookReportsOf<F>, choice: ProfileChoice, chosen: boolean): CheckedFile<F> {
  return { file, error: null, sheets: checked.reports, profileUsed: profileUsedOf(checked.profile, choice, chosen), forms: checked.forms };
}

/**
 * `check` of one workbook (converted by LibreOffice first when it is .xls/.ods/.et), sheet by sheet, as plain data:
 * its reports, the 评分方案 used, its forms' fingerprints. Never throws: a file that cannot be read or fails inside is
 * an entry with its reason, and the others are still checked. Null for a workbook of our own sheets only (a 汇总 we
 * wrote), which is not a workbook of forms.
 */
export async function checkOneFile(file: string, profile: Profile, options: CheckOneFileOptions): Promise<CheckedFile | null>;
/** checkOneFile() with the forms' reports kept as `packing` makes them (packed for the JSON report). */
export async function checkOneFile<F>(file: string, profile: Profile, options: CheckOneFileOptions, packing: ReportPacking<F>): Promise<CheckedFile<F> | null>;
export async function checkOneFile(file: string, profile: Profile, options: CheckOneFileOptions, packing: ReportPacking<unknown> = AS_OBJECTS): Promise<CheckedFile<unknown> | null> {
  try {
    const loaded = await workbookBytes(file);
    if (!loaded.ok) return failedFile(file, loaded.message, loaded.code);
    const checked = checkFileReports(
      loaded.bytes,
      profile,
      {
        preferStoredProfile: !options.profileChosen,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
      packing,
    );
    if (!checked.ok) return failedFile(file, checked.message, checked.code);
    if (checked.reports.length === 0 && options.sheet === undefined) return null;
    return checkedFile(file, checked, checked.profileChoice, options.profileChosen);
  } catch {
    return failedFile(file);
  }
}
