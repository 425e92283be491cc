/**
 * `ziping check --summary 汇总.xlsx`: the folder's 汇总 written as a workbook of its own, with the safety of every
 * output (fileIo.ts): never over an input, never over an existing file without --force, whole or not at all. Its
 * links are relative to where it is written, so they keep working when the 汇总 and the folders move together.
 */
import { dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { reportSummaryRows } from "../app";
import { isOwnSummaryWorkbook } from "../adapters/xlsx/ownSummaryWorkbook";
import { displayName, outputRefusal, readInput, sameFile, writeAtomically } from "./fileIo";
import type { FileResult } from "./textReport";

/** The link address of `file` as seen from a workbook in `fromDir`: a relative URI (`../收到的/a%20b.xlsx`), or a file: URL. */
export function relativeHref(fromDir: string, file: string): string {
  const rel = relative(resolve(fromDir), resolve(file));
  // another drive (Windows): no relative path exists
  if (isAbsolute(rel)) return pathToFileURL(resolve(file)).href;
  // a URI path: what would end the path or the segment, and control characters, are escaped; other characters
  // (Chinese names) stay as they are
  return rel
    .split(sep)
    // eslint-disable-next-line no-control-regex
    .map((segment) => segment.replace(/[%#?\s"<>\\^`{|}[\]\x00-\x1f\x7f]/g, (c) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")))
    .join("/");
}

export interface SummaryTarget {
  readonly out: string;
  /** The inputs that are the 汇总 this run replaces (a 汇总 we wrote earlier into the folder being checked): skipped. */
  readonly replaces: ReadonlySet<string>;
}

/**
 * Where the 汇总 goes, or why it may not: it must be an .xlsx, no input (unless it is our own earlier 汇总, which is
 * then not checked but replaced, with --force), and not an existing file without --force.
 */
export async function summaryTarget(out: string, inputs: readonly string[], force: boolean): Promise<{ ok: true; target: SummaryTarget } | { ok: false; message: string }> {
  if (extname(out).toLowerCase() !== ".xlsx") return { ok: false, message: `${displayName(out)}：汇总表请用 .xlsx 扩展名` };
  const ours: string[] = [];
  const others: string[] = [];
  for (const input of inputs) {
    if (!(await sameFile(input, out))) continue;
    const read = readInput(input);
    if (read.ok && isOwnSummaryWorkbook(read.bytes)) ours.push(input);
    else others.push(input);
  }
  const refusal = await outputRefusal(out, others, force);
  if (refusal) return { ok: false, message: `${displayName(out)}：${refusal}` };
  return { ok: true, target: { out, replaces: new Set(ours) } };
}

/** The 汇总 workbook of a run's results: one row per form of every file, the files that could not be read below. */
export async function summaryBytes(out: string, results: readonly FileResult[], profileName: string): Promise<Uint8Array> {
  const rows = results.flatMap((r) => reportSummaryRows(r.sheets, r.profileUsed?.name ?? profileName, r.file));
  const listed = (code: (c: string) => boolean) => results.filter((r) => r.error && code(r.error.code)).map((r) => `${displayName(r.file)}（${r.error!.message}）`);
  const unreadable = listed((c) => c !== "FORM_NOT_FOUND");
  const sheetless = listed((c) => c === "FORM_NOT_FOUND");
  const notes = [...(unreadable.length ? [`无法读取的文件：${unreadable.join("；")}`] : []), ...(sheetless.length ? [`没有工作表的文件：${sheetless.join("；")}`] : [])];
  // the 汇总 writer is loaded only when a 汇总 is written (its own chunk in the pane)
  const { folderSummaryBytes } = await import("../adapters/xlsx/summarySheet");
  return folderSummaryBytes(rows, profileName, (file) => relativeHref(dirname(out), file), notes);
}

/** Write the 汇总 whole or not at all; throws the system error (the caller says it in Chinese). */
export async function writeSummary(target: SummaryTarget, results: readonly FileResult[], profileName: string, force: boolean): Promise<void> {
  await writeAtomically(target.out, await summaryBytes(target.out, results, profileName), force);
}
