import { CellValue } from "../../engine";

/**
 * What 撤销上次写入 needs, saved in the workbook's settings by the write itself, so it survives closing the pane
 * (and is shared by the ribbon command and the pane, which run in separate runtimes).
 */
export interface UndoSnapshot {
  readonly version: 1;
  readonly sheet: string;
  /** ISO time of the write. */
  readonly at: string;
  readonly cells: readonly UndoCell[];
}

export interface UndoCell {
  readonly a1: string;
  /** The value before the write (null: the cell was empty). */
  readonly value: CellValue;
  /** The number format before the write; present only where the write changed it. */
  readonly numberFormat?: string;
  /** What was written, so that a cell the user has changed since is left alone. */
  readonly written: number | string;
}

/** The snapshot from its stored text, or null when absent or not ours. Never throws. */
export function parseUndoSnapshot(stored: unknown): UndoSnapshot | null {
  if (typeof stored !== "string") return null;
  try {
    const s = JSON.parse(stored) as Partial<UndoSnapshot>;
    if (s.version !== 1 || typeof s.sheet !== "string" || !Array.isArray(s.cells)) return null;
    return s as UndoSnapshot;
  } catch {
    return null;
  }
}

/** Whether a cell still holds what the add-in wrote (Excel may turn "93.77%" into 0.9377). */
export function stillWritten(current: unknown, written: number | string): boolean {
  if (current === written) return true;
  if (typeof written === "string" && written.endsWith("%") && typeof current === "number") {
    return Math.abs(current * 100 - Number(written.slice(0, -1))) < 1e-9;
  }
  if (typeof written === "number" && typeof current === "string") return current.trim() !== "" && Number(current) === written;
  return false;
}
