import { withFolderFindings, whereInFolder } from "../app";
import { countBySeverity } from "../engine";
import type { CheckedFile } from "./checkOneFile";
import { displayName } from "./fileIo";
import { allFindings, FileResult, sheetlessFiles } from "./textReport";

/**
 * The files' reports with the checks across the files of the run added (a form copied from a form of another file;
 * the pairs within one workbook were found when it was checked). The fingerprints are let go.
 */
export function withFolderChecks(files: readonly CheckedFile[], options: { readonly pairAlone?: boolean } = {}): FileResult[] {
  const readable = files.filter((f) => !f.error);
  const reports = readable.length > 1 ? withFolderFindings(readable.map((f) => ({ file: f.file, sheets: f.sheets, forms: f.forms })), (file, sheet) => whereInFolder(displayName(file), sheet), options) : readable.map((f) => f.sheets);
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
      forms: sheets.reduce((n, s) => n + (s.isForm ? s.forms.length : 0), 0),
      errors: counts.error + sheetlessFiles(results),
      warnings: counts.warning,
      infos: counts.info,
    },
  };
}
