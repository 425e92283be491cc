/**
 * How much of a workbook is read, so that one file cannot take the memory or the time of the others (a zip bomb,
 * a sheet of a million cells, a column-XFD stretch). Past a limit the file is FILE_TOO_LARGE; nothing is guessed.
 * Sheets are read one at a time and let go after their report, so memory is bounded by the largest sheet (the
 * per-sheet limits) and the time by the whole workbook (the workbook limits). Measured (README, "Files as they
 * come" and "Speed and memory"): a sheet at these limits stays well under 1 GB and one minute.
 */
export interface ReadLimits {
  /** Uncompressed XML bytes of one part held or streamed at a time: one worksheet, the shared strings, the styles. */
  readonly xmlBytes: number;
  /** Cells of one sheet that hold something (a value, a formula or a number format) plus the cells covered by merges. */
  readonly cells: number;
  /** Uncompressed XML bytes of all the parts read, together (default: the larger of 512 MB and `xmlBytes`). */
  readonly workbookXmlBytes?: number;
  /** Cells of all the sheets together (default: the larger of 5 million and `cells`). */
  readonly workbookCells?: number;
  /**
   * The share (0–1] of the two workbook limits this reader may spend as it reads, when it reads one part of a
   * workbook checked by several threads: the parts together stay within what one reader may read. What the zip
   * directory declares is still held against the whole limits (the same refusal as one reader's). Default 1.
   */
  readonly share?: number;
}

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({ xmlBytes: 128 * 1024 * 1024, cells: 2_000_000, workbookXmlBytes: 512 * 1024 * 1024, workbookCells: 5_000_000 });

/**
 * The limits of a check for its report only (`ziping check`): of each sheet only its report and its forms'
 * fingerprints are kept, so memory grows by the reports alone (about 0.1 MB a form) and a workbook may hold far more
 * than one whose analyses are all kept (the pane, `fix`). A province's merged workbook of 20,000 forms is some 5.2
 * million cells and 240 MB of XML; these limits take some 90,000 such forms (measured in README, "Speed and memory").
 */
export const REPORT_LIMITS: ReadLimits = Object.freeze({ ...DEFAULT_LIMITS, workbookXmlBytes: 1024 * 1024 * 1024, workbookCells: 25_000_000 });

/** What may still be used of a limit while reading; `parent` is the workbook's, charged alongside a sheet's own. */
export interface Budget {
  remaining: number;
  readonly limit: number;
  /** How a message names what the limit is on: 工作簿内容, 工作表“表1”的内容… */
  readonly what?: string;
  readonly parent?: Budget;
}

/**
 * Charge `amount` to a budget and its parents; the first one past its limit throws FILE_TOO_LARGE with `message` (given
 * what the limit is on and the limit).
 */
export function charge(budget: Budget, amount: number, message: (what: string | undefined, limit: number) => string): void {
  for (let b: Budget | undefined = budget; b; b = b.parent) {
    b.remaining -= amount;
    if (b.remaining < 0) throw tooLarge(message(b.what, b.limit));
  }
}

/** The least that is left of a budget and its parents. */
export function remaining(budget: Budget): number {
  let least = Infinity;
  for (let b: Budget | undefined = budget; b; b = b.parent) least = Math.min(least, b.remaining);
  return least;
}

/**
 * Why a file gives no report of its forms: it cannot be read (FILE_UNREADABLE), it is past the limits (FILE_TOO_LARGE),
 * or it was read and holds no worksheet at all (FORM_NOT_FOUND: only chart sheets, or none).
 */
export type WorkbookFailureCode = "FILE_UNREADABLE" | "FILE_TOO_LARGE" | "FORM_NOT_FOUND";

/** A file that cannot be read, with the Chinese reason; thrown inside the reader, returned at its edge. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookFailureCode,
    message: string,
  ) {
    super(message);
  }
}

export function unreadable(message: string): WorkbookError {
  return new WorkbookError("FILE_UNREADABLE", message);
}

export function tooLarge(message: string): WorkbookError {
  return new WorkbookError("FILE_TOO_LARGE", message);
}

export function noWorksheet(message: string): WorkbookError {
  return new WorkbookError("FORM_NOT_FOUND", message);
}

/** "128 MB", for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
