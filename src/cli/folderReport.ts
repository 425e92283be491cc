import { withFolderFindings, whereInFolder } from "../app";
import type { CheckedFile } from "./checkOneFile";
import { displayName } from "./fileIo";
import { FileResultOf } from "./textReport";

/**
 * The files' reports with the checks across the files of the run added (a form copied from a form of another file;
 * the pairs within one workbook were found when it was checked). The fingerprints are let go.
 */
export function withFolderChecks<F>(files: readonly CheckedFile<F>[], options: { readonly pairAlone?: boolean } = {}): FileResultOf<F>[] {
  const readable = files.filter((f) => !f.error);
  const reports = readable.length > 1 ? withFolderFindings(readable.map((f) => ({ file: f.file, sheets: f.sheets, forms: f.forms })), (file, sheet) => whereInFolder(displayName(file), sheet), options) : readable.map((f) => f.sheets);
  let k = 0;
  return files.map(({ forms: _forms, ...f }) => (f.error ? f : { ...f, sheets: reports[k++] }));
}
