/** A transcribed cell: its text (null when empty), or with its colspan / rowspan. */
export type TableCell = string | null | { readonly v: string | null; readonly cs?: number; readonly rs?: number };

export interface LaidOutCell {
  readonly row: number;
  readonly col: number;
  readonly value: string | number;
  readonly decimals?: number;
}

/** Rows of cells laid out as a browser lays out an HTML table; plain decimals become numbers unless textNumbers. */
export function layoutTable(
  rows: readonly (readonly TableCell[])[],
  options?: { readonly textNumbers?: boolean },
): { cells: LaidOutCell[]; merges: { top: number; left: number; bottom: number; right: number }[] };
