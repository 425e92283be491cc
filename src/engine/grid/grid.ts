import { CellRef, cellRef } from "./cellRef";

/** What a spreadsheet cell holds: the value (a formula's cached result), the formula, the number format. */
export type CellValue = string | number | boolean | null;

export interface Cell {
  readonly value: CellValue;
  /** The formula without the leading "=", when the cell holds one. */
  readonly formula?: string;
  readonly numberFormat?: string;
}

/** A merged area, 1-based and inclusive. */
export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * One worksheet as the engine sees it: a sparse map of cells plus merged areas.
 * Adapters (Excel, .xlsx) build it; the engine never mutates it.
 */
export interface Grid {
  readonly sheet: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly cells: ReadonlyMap<number, Cell>;
  readonly merges: readonly MergeArea[];
  /** For each cell covered by a merge (its top-left included), the index of that merge. */
  readonly mergeIndex: ReadonlyMap<number, number>;
  /** Merged areas of the input that overlap an earlier one: left out (as Excel's repair does), kept here to be reported. */
  readonly overlappingMerges?: readonly MergeArea[];
}

const KEY_STRIDE = 1 << 14; // Excel has 16,384 columns

export function cellKey(row: number, col: number): number {
  return row * KEY_STRIDE + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / KEY_STRIDE);
}

export function keyCol(key: number): number {
  return key % KEY_STRIDE;
}

export interface GridInput {
  sheet: string;
  /** Sparse cells keyed by 1-based row and column. */
  cells: Iterable<{ row: number; col: number; cell: Cell }>;
  merges?: readonly MergeArea[];
}

function isBlankCell(cell: Cell): boolean {
  return (cell.value === null || cell.value === "") && cell.formula === undefined && !cell.numberFormat;
}

export function createGrid(input: GridInput): Grid {
  const cells = new GridCells();
  for (const { row, col, cell } of input.cells) cells.put(row, col, cell);
  return gridOfCells(input.sheet, cells, input.merges);
}

/** The cells of a grid being built, as createGrid keeps them: blank ones left out, a cell met again replacing the first. */
export class GridCells {
  readonly map = new Map<number, Cell>();
  rowCount = 0;
  colCount = 0;

  put(row: number, col: number, cell: Cell): void {
    if (isBlankCell(cell)) return;
    this.map.set(cellKey(row, col), cell);
    if (row > this.rowCount) this.rowCount = row;
    if (col > this.colCount) this.colCount = col;
  }
}

/** A grid of cells gathered by GridCells (a reader's, without an object per cell in between), with its merges. */
export function gridOfCells(sheet: string, gathered: GridCells, inputMerges?: readonly MergeArea[]): Grid {
  const cells = gathered.map;
  let rowCount = gathered.rowCount;
  let colCount = gathered.colCount;
  const input = { sheet, merges: inputMerges };
  const merges: MergeArea[] = [];
  const overlappingMerges: MergeArea[] = [];
  const mergeIndex = new Map<number, number>();
  for (const m of input.merges ?? []) {
    if (m.bottom <= m.top && m.right <= m.left) continue;
    let overlaps = false;
    for (let r = m.top; r <= m.bottom && !overlaps; r++) for (let c = m.left; c <= m.right && !overlaps; c++) overlaps = mergeIndex.has(cellKey(r, c));
    if (overlaps) {
      overlappingMerges.push(m);
      continue;
    }
    const i = merges.push(m) - 1;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        mergeIndex.set(cellKey(r, c), i);
      }
    }
    if (m.bottom > rowCount) rowCount = m.bottom;
    if (m.right > colCount) colCount = m.right;
  }
  return { sheet: input.sheet, rowCount, colCount, cells, merges, mergeIndex, ...(overlappingMerges.length ? { overlappingMerges } : {}) };
}

/**
 * A grid from a 2-D array (row 1 first), as Excel's `range.values` or a test literal gives it.
 * `origin` places the array's first cell; `formulas` and `numberFormats` are parallel arrays.
 */
export function gridFromArray(
  sheet: string,
  values: readonly (readonly CellValue[])[],
  options: {
    origin?: { row: number; col: number };
    formulas?: readonly (readonly (string | null | undefined)[])[];
    numberFormats?: readonly (readonly (string | null | undefined)[])[];
    merges?: readonly MergeArea[];
  } = {},
): Grid {
  const r0 = options.origin?.row ?? 1;
  const c0 = options.origin?.col ?? 1;
  const out: { row: number; col: number; cell: Cell }[] = [];
  values.forEach((rowValues, i) => {
    rowValues.forEach((value, j) => {
      const f = options.formulas?.[i]?.[j];
      const nf = options.numberFormats?.[i]?.[j];
      const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
      const numberFormat = nf && nf !== "General" ? nf : undefined;
      if (value === null || value === "") {
        if (formula === undefined && numberFormat === undefined) return;
      }
      out.push({ row: r0 + i, col: c0 + j, cell: { value: value ?? null, formula, numberFormat } });
    });
  });
  return createGrid({ sheet, cells: out, merges: options.merges });
}

/** The cell as stored (merge children are empty). */
export function rawCell(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.cells.get(cellKey(row, col));
}

/** The merge area that covers (row, col), if any. */
export function mergeAt(grid: Grid, row: number, col: number): MergeArea | undefined {
  const i = grid.mergeIndex.get(cellKey(row, col));
  return i === undefined ? undefined : grid.merges[i];
}

/** The top-left cell of the merge covering (row, col), or the cell itself. */
export function anchorOf(grid: Grid, row: number, col: number): CellRef {
  const i = grid.mergeIndex.get(cellKey(row, col));
  if (i === undefined) return cellRef(grid.sheet, row, col);
  const m = grid.merges[i];
  return cellRef(grid.sheet, m.top, m.left);
}

/** The cell as a reader sees it: a merged area's value shows in every cell it covers. */
export function visibleCell(grid: Grid, row: number, col: number): Cell | undefined {
  const a = anchorOf(grid, row, col);
  return grid.cells.get(cellKey(a.row, a.col));
}

export function isEmptyValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The displayable text of a value (numbers as JavaScript prints them). */
export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
