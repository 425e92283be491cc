import { anchorOf, cellKey, Grid, isEmptyValue, keyCol, keyRow, mergeAt, visibleCell } from "../grid/grid";
import { DEFAULT_VOCABULARY, FormVocabulary } from "../vocabulary/fields";
import { labelCore } from "../vocabulary/match";
import { Pos } from "./layout";

/** A text cell of the sheet that may be a label: where it is, and its text in the forms the locator compares. */
export interface Label {
  readonly row: number;
  readonly col: number;
  /** normalizeLabel(): no spaces, half-width punctuation, no trailing colon. */
  readonly text: string;
  /** labelCore(): no decorations, numbering or marks. */
  readonly core: string;
  /** A weight the label prints (`(50分)`), as decimal text. */
  readonly weight: string | null;
}

/**
 * The labels of a sheet, in reading order, indexed by row. Prose (a goal text, a note) is no label: long texts are
 * skipped before normalizing, which is the hot path of a large sheet.
 */
export class SheetLabels {
  readonly all: readonly Label[];
  private readonly byRow = new Map<number, Label[]>();
  private readonly byCell = new Map<number, Label>();

  constructor(
    readonly grid: Grid,
    /** The words to read the form by: the default, or with a workbook's taught words. */
    readonly vocab: FormVocabulary = DEFAULT_VOCABULARY,
  ) {
    const labels: Label[] = [];
    for (const [key, cell] of grid.cells) {
      if (typeof cell.value !== "string" || cell.value.length > 120 || cell.value.trim() === "") continue;
      const { normalized: text, core, weight } = labelCore(cell.value);
      if (text.length > 60) continue;
      labels.push({ row: keyRow(key), col: keyCol(key), text, core, weight });
    }
    labels.sort((a, b) => a.row - b.row || a.col - b.col);
    this.all = labels;
    for (const l of labels) {
      const row = this.byRow.get(l.row);
      if (row) row.push(l);
      else this.byRow.set(l.row, [l]);
      this.byCell.set(cellKey(l.row, l.col), l);
    }
  }

  inRow(row: number): readonly Label[] {
    return this.byRow.get(row) ?? [];
  }

  at(row: number, col: number): Label | undefined {
    // (a cell past the last column would share a key with one of the next row)
    return col >= 1 && col <= 16384 ? this.byCell.get(cellKey(row, col)) : undefined;
  }

  /** The label a cell shows: its own, or the one of the merge covering it. */
  visibleAt(row: number, col: number): Label | undefined {
    const a = anchorOf(this.grid, row, col);
    return this.at(a.row, a.col);
  }
}

/** The column just past a cell's merge area. */
export function nextCol(grid: Grid, row: number, col: number): number {
  return (mergeAt(grid, row, col)?.right ?? col) + 1;
}

/** The last row a cell's merge covers (the cell's own row when unmerged). */
export function bottomOf(grid: Grid, row: number, col: number): number {
  return mergeAt(grid, row, col)?.bottom ?? row;
}

export function hasValue(grid: Grid, row: number, col: number): boolean {
  return !isEmptyValue(visibleCell(grid, row, col)?.value);
}

/**
 * The value cell of a label: the first filled cell to its right (blank columns may sit between) that is not the
 * start of another label, or, when the row holds nothing more, the cell just past the label's merge.
 */
export function valueRightOf(labels: SheetLabels, at: Pos, isLabel: (l: Label) => boolean): Pos {
  const grid = labels.grid;
  const first = { row: at.row, col: nextCol(grid, at.row, at.col) };
  for (let c = first.col; c <= grid.colCount; c++) {
    const a = anchorOf(grid, at.row, c);
    if (a.row !== at.row || a.col !== c) continue; // inside a merge started elsewhere
    if (!hasValue(grid, at.row, c)) continue;
    const label = labels.at(at.row, c);
    if (label && isLabel(label)) return first;
    return { row: at.row, col: c };
  }
  return first;
}
