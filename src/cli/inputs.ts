/**
 * What `ziping check` is given, as the list of workbooks to check: files as named, folders as the spreadsheets in
 * them (Excel's ~$ lock files left out); what a folder holds besides spreadsheets is named as skipped, and a folder
 * that cannot be read is reported as its own entry — the run goes on.
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { CONVERTIBLE_EXTENSIONS, convertToXlsx, XLSX_EXTENSIONS } from "./convertWithLibreOffice";
import { Failure, readInput, systemReason } from "./fileIo";
import { CONVERTIBLE_KINDS, fileKind } from "../adapters/fileKind";

export interface InputEntry {
  readonly file: string;
  /** Set when the entry is already known to be unreadable (a folder that cannot be listed). */
  readonly error?: Failure;
}

export interface Inputs {
  readonly entries: readonly InputEntry[];
  /** Files and sub-folders of the folders given that are not spreadsheets (not checked). */
  readonly skipped: readonly string[];
}

export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const entries: InputEntry[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const isDir = await stat(p).then((s) => s.isDirectory(), () => false);
    if (!isDir) {
      entries.push({ file: p });
      continue;
    }
    let names;
    try {
      names = (await readdir(p, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      entries.push({ file: p, error: { ok: false, code: "FILE_UNREADABLE", message: `无法读取文件夹（${systemReason(e)}）` } });
      continue;
    }
    for (const d of names) {
      const path = join(p, d.name);
      if (d.name.startsWith("~$")) continue; // Excel's lock file of an open workbook
      const spreadsheet = XLSX_EXTENSIONS.test(d.name) || CONVERTIBLE_EXTENSIONS.test(d.name);
      const folder = d.isDirectory() || (d.isSymbolicLink() && (await stat(path).then((s) => s.isDirectory(), () => false)));
      if (spreadsheet && !folder) entries.push({ file: path });
      else skipped.push(folder ? `${path}/` : path);
    }
  }
  return { entries, skipped };
}

/**
 * The .xlsx bytes of an input: read as it is, or converted by LibreOffice from .xls/.xlsb/.ods/.et — told apart by
 * content (src/adapters/fileKind.ts), so an .ods or a web page named .xlsx is converted like one, and an .xlsx named
 * .xls is read directly.
 */
export async function workbookBytes(file: string): Promise<{ ok: true; bytes: Uint8Array; converted: boolean } | Failure> {
  const read = readInput(file);
  if (!read.ok) return read;
  const kind = fileKind(read.bytes);
  const as = CONVERTIBLE_KINDS[kind] ?? (kind !== "xlsx" && CONVERTIBLE_EXTENSIONS.test(file) ? extname(file) : null);
  if (as) {
    const converted = await convertToXlsx(read.bytes, as);
    return converted.ok ? { ok: true, bytes: converted.bytes, converted: true } : converted;
  }
  return { ok: true, bytes: read.bytes, converted: false };
}
