import { folderForms, FolderForm, withFolderFindings, whereInFolder } from "../app";
import { checkFile, FileCheck } from "../adapters/xlsx/files";
import { countBySeverity, Profile } from "../engine";
import { workbookBytes } from "./inputs";
import { displayName } from "./fileIo";
import { allFindings, FileResult, formsOf, ProfileUsed } from "./textReport";

/** A file as `check` has it after checking it on its own: its report and what the folder step compares of it. */
export interface CheckedFile extends FileResult {
  /** Its forms' fingerprints (empty for a file that could not be read). */
  readonly forms: readonly FolderForm[];
}

/** Which 评分方案 a file was checked with and where it came from (`--profile`, the workbook's store, the default). */
export function profileUsedOf(checked: Extract<FileCheck, { ok: true }>, chosen: boolean): ProfileUsed {
  const { id, name } = checked.result.profile;
  const from = checked.profileChoice.from === "workbook" ? "workbook" : chosen ? "option" : "default";
  return { id, name, from, ...(checked.profileChoice.note ? { note: checked.profileChoice.note } : {}) };
}

/**
 * `check` of one workbook, as plain data (its reports, the 评分方案 used, its forms' fingerprints for the checks across
 * the files), whatever happens to it: a file that cannot be read or fails inside is an entry with its reason. Null
 * for a workbook of our own sheets only (a 汇总 we wrote), which is not a workbook of forms. Without --profile, a
 * workbook is checked with its own 评分方案 (its store sheet) when it has one.
 */
export async function checkOneFile(file: string, profile: Profile, options: { readonly sheet?: string; readonly profileChosen: boolean }): Promise<CheckedFile | null> {
  const failed = (code: "FILE_UNREADABLE" | "FILE_TOO_LARGE", message: string): CheckedFile => ({ file, error: { code, message }, sheets: [], forms: [] });
  try {
    const loaded = await workbookBytes(file);
    if (!loaded.ok) return failed(loaded.code, loaded.message);
    const checked = await checkFile(loaded.bytes, profile, { sheet: options.sheet, preferStoredProfile: !options.profileChosen });
    if (!checked.ok) return failed(checked.code, checked.message);
    if (checked.result.sheets.length === 0 && options.sheet === undefined) return null;
    return { file, error: null, sheets: checked.result.sheets.map((x) => x.report), profileUsed: profileUsedOf(checked, options.profileChosen), forms: folderForms(checked.result) };
  } catch {
    return failed("FILE_UNREADABLE", "处理这个文件时出现内部错误，已跳过（其他文件照常校验）");
  }
}

/**
 * The files' reports with the checks across the files of the run added (a form copied from a form of another file;
 * the pairs within one workbook were found when it was checked). The fingerprints are let go.
 */
export function withFolderChecks(files: readonly CheckedFile[]): FileResult[] {
  const readable = files.filter((f) => !f.error);
  const reports = readable.length > 1 ? withFolderFindings(readable.map((f) => ({ file: f.file, sheets: f.sheets, forms: f.forms })), (file, sheet) => whereInFolder(displayName(file), sheet)) : readable.map((f) => f.sheets);
  let k = 0;
  return files.map(({ forms: _forms, ...f }) => (f.error ? f : { ...f, sheets: reports[k++] }));
}

/** The JSON report (cli.md, schemaVersion 1; the added fields are in the README). */
export function jsonReport(profileId: string, results: readonly FileResult[], skipped: readonly string[], summaryFile: string | null): unknown {
  const sheets = results.flatMap((r) => r.sheets);
  const counts = countBySeverity(allFindings(sheets));
  return {
    schemaVersion: 1,
    profile: profileId,
    files: results.map((r) => ({ ...r, profileUsed: r.profileUsed ?? null })),
    skipped,
    ...(summaryFile !== null ? { summaryFile } : {}),
    summary: {
      files: results.length,
      forms: sheets.reduce((n, s) => n + (s.isForm ? formsOf(s).length : 0), 0),
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    },
  };
}
