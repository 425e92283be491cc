import { CellValue, createGrid, Grid, MergeArea } from "../grid/grid";

/** Cell look: kept small on purpose, it is what both adapters (exceljs, Office.js) can apply the same way. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle";
  readonly border?: boolean;
  readonly fill?: string;
}

export interface SpecCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  /** Without the leading "=". */
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /** A hyperlink: `#'表1'!H6` within the workbook, `other.xlsx#'表1'!H6` to another file. */
  readonly link?: string;
}

export type DataValidationSpec =
  | { readonly kind: "decimal"; readonly range: MergeArea; readonly min: string; readonly maxFormula?: string; readonly prompt: string }
  | { readonly kind: "list"; readonly range: MergeArea; readonly items: readonly string[]; readonly prompt: string };

/**
 * A whole sheet as data — values, formulas, formats, merges, widths, validations, print setup.
 * The template generator and the test fixtures produce it; the .xlsx and Excel adapters write it.
 */
export interface SheetSpec {
  readonly name: string;
  readonly cells: readonly SpecCell[];
  readonly merges: readonly MergeArea[];
  readonly columnWidths?: readonly { readonly col: number; readonly width: number }[];
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly validations?: readonly DataValidationSpec[];
  /** Fit to one page wide on A4 portrait. */
  readonly printFitWidth?: boolean;
}

/** The grid the engine would read from a sheet written from this spec (formulas keep their given cached value). */
export function specToGrid(spec: SheetSpec): Grid {
  return createGrid({
    sheet: spec.name,
    cells: spec.cells.map((c) => ({ row: c.row, col: c.col, cell: { value: c.value, formula: c.formula, numberFormat: c.numberFormat } })),
    merges: spec.merges,
  });
}
