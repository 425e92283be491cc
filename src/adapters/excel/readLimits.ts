import type { MergeArea } from "../../engine";

/**
 * How much of a sheet is read at once. Excel on the web refuses requests and responses above 5 MB, and every
 * platform limits a read to 5,000,000 cells (learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization, "Excel add-ins"). The used range counts formatted-but-empty cells
 * (a form converted from .xls often reaches row 65,536), so the add-in bounds its reads by the cells that hold a
 * value (`getUsedRange(true)`) and reads them in pieces no larger than these.
 */

/** Read in the first round trip: far more than any 自评表 needs (a form has some 60 rows and 15 columns). */
export const READ_WINDOW: MergeArea = Object.freeze({ top: 1, left: 1, bottom: 1000, right: 52 }); // A1:AZ1000

/** The most cells of values, formulas and number formats one further round trip asks for (≈ 1 MB of empty cells). */
export const CHUNK_CELLS = 50_000;

/** Beyond this many cells holding or between values the sheet is not read at all: no 自评表 is that large. */
export const MAX_READ_CELLS = 2_000_000;

export function cellCount(a: MergeArea): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

export function intersect(a: MergeArea, b: MergeArea): MergeArea | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** The parts of `area` outside `window` (at most two rectangles: to the right of it, and below it). */
export function outside(area: MergeArea, window: MergeArea): MergeArea[] {
  const parts: MergeArea[] = [];
  if (area.right > window.right) {
    const top = area.top;
    const bottom = Math.min(area.bottom, window.bottom);
    if (top <= bottom) parts.push({ top, left: Math.max(area.left, window.right + 1), bottom, right: area.right });
  }
  if (area.bottom > window.bottom) parts.push({ top: Math.max(area.top, window.bottom + 1), left: area.left, bottom: area.bottom, right: area.right });
  return parts;
}

/** Row bands of `area`, each at most `maxCells` cells (at least one row each). */
export function rowChunks(area: MergeArea, maxCells: number = CHUNK_CELLS): MergeArea[] {
  const width = area.right - area.left + 1;
  const rows = Math.max(1, Math.floor(maxCells / width));
  const out: MergeArea[] = [];
  for (let top = area.top; top <= area.bottom; top += rows) out.push({ ...area, top, bottom: Math.min(area.bottom, top + rows - 1) });
  return out;
}
