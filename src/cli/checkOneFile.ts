import type { FormOfSheet } from "../app";
import { checkFileReports } from "../adapters/xlsx/files";
import { Profile } from "../engine";
import { workbookBytes } from "./inputs";
import { FileResult } from "./textReport";

/**
 * One input of `ziping check`, checked: its report (what the JSON and text reports print) and, apart from it (it is
 * not printed), every form's fingerprint, so the checks across forms can compare the forms of a whole folder. Plain
 * data: it crosses from a worker thread to the main thread as it is.
 */
export interface CheckedFile {
  readonly result: FileResult;
  readonly forms: readonly FormOfSheet[];
}

export interface CheckOneFileOptions {
  readonly sheet?: string;
  /** Told after each sheet: sheets done, of all (for the progress bar of a single large workbook). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What is said of a file whose check failed in a way nobody foresaw (a defect, a worker that died). */
export const INTERNAL_FAILURE = "处理这个文件时出现内部错误，已跳过（其他文件照常校验）";

export function failedFile(file: string, message = INTERNAL_FAILURE): CheckedFile {
  return { result: { file, error: { code: "FILE_UNREADABLE", message }, sheets: [] }, forms: [] };
}

/**
 * Read and check one file (converted by LibreOffice first when it is .xls/.ods/.et). Never throws: whatever happens to
 * one file, the others are still checked and reported.
 */
export async function checkOneFile(file: string, profile: Profile, options: CheckOneFileOptions = {}): Promise<CheckedFile> {
  try {
    const loaded = await workbookBytes(file);
    if (!loaded.ok) return { result: { file, error: { code: loaded.code, message: loaded.message }, sheets: [] }, forms: [] };
    const checked = checkFileReports(loaded.bytes, profile, options);
    if (!checked.ok) return { result: { file, error: { code: checked.code, message: checked.message }, sheets: [] }, forms: [] };
    return { result: { file, error: null, sheets: checked.reports }, forms: checked.forms };
  } catch {
    return failedFile(file);
  }
}
