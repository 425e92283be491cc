/**
 * How much of a workbook is read, so that one file cannot take the memory or the time of the others (a zip bomb,
 * a sheet of a million cells, a column-XFD stretch). Past a limit the file is FILE_TOO_LARGE; nothing is guessed.
 * Measured (README, "Reading .xlsx files"): at these limits a check stays well under 1 GB and one minute.
 */
export interface ReadLimits {
  /** Uncompressed bytes of the parts read (worksheets, shared strings, styles, workbook), all together. */
  readonly xmlBytes: number;
  /** Cells that hold something (a value, a formula or a number format) plus the cells covered by merges. */
  readonly cells: number;
}

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({ xmlBytes: 128 * 1024 * 1024, cells: 2_000_000 });

/** A file that cannot be read, with the Chinese reason; thrown inside the reader, returned at its edge. */
export class WorkbookError extends Error {
  constructor(
    readonly code: "FILE_UNREADABLE" | "FILE_TOO_LARGE",
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

/** "128 MB", for messages. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
