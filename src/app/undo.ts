import { CellValue, toA1, WritePlan } from "../engine";

/**
 * 撤销上次写入 as data. A write records, per cell, what it held before and what was written; the snapshot is kept
 * with the workbook (Excel: its settings, shared by the ribbon command and the pane, which run in separate
 * runtimes), so it survives closing the pane. Undo restores only cells that still hold what was written.
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

/** The snapshot a write plan's values leave behind; null when the plan writes nothing. */
export function undoSnapshotOf(plan: WritePlan, at: Date): UndoSnapshot | null {
  if (plan.writes.length === 0) return null;
  return {
    version: 1,
    sheet: plan.sheet,
    at: at.toISOString(),
    cells: plan.writes.map((w) => ({
      a1: toA1(w.cell),
      value: w.previous.value,
      written: w.value,
      ...(w.numberFormat ? { numberFormat: w.previous.numberFormat ?? "General" } : {}),
    })),
  };
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

/**
 * Which cells of a snapshot to restore, given what they hold now (in the snapshot's order): those still holding
 * what was written. The others were changed by the user since and stay as they are.
 */
export function planUndo(snapshot: UndoSnapshot, current: readonly unknown[]): { readonly restore: readonly UndoCell[]; readonly skipped: number } {
  const restore = snapshot.cells.filter((c, i) => stillWritten(current[i], c.written));
  return { restore, skipped: snapshot.cells.length - restore.length };
}
