import Decimal from "decimal.js";
import { anchorOf, CellValue, Grid, parseA1, rawCell } from "../engine";

/**
 * Cell values as the user sees them in the spreadsheet, for the pane and the 校验结果 sheet: "93.77%" for 0.9377
 * under a 0.00% format, "9.30" under 0.00, text as typed, "" for an empty cell. Display only: nothing is computed
 * from these strings (decimal.js keeps 0.9377 × 100 exact).
 */
export function displayValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (!Number.isFinite(value)) return String(value);
  const format = numberFormat ?? "";
  // the digits after the decimal point of the format's first section ("0.00%" → 2, "#,##0.0" → 1)
  const section = format.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]/g, "");
  const decimals = /\.(0+)/.exec(section)?.[1].length;
  if (section.includes("%")) return `${new Decimal(value).times(100).toFixed(decimals ?? 0)}%`;
  if (decimals !== undefined) return new Decimal(value).toFixed(decimals);
  return new Decimal(value).toString();
}

/** What one cell shows (its merge's top-left cell when it lies inside a merge); "" when empty or not an address. */
export function cellText(grid: Grid, a1: string): string {
  let ref;
  try {
    ref = parseA1(a1, grid.sheet);
  } catch {
    return "";
  }
  const anchor = anchorOf(grid, ref.row, ref.col);
  const cell = rawCell(grid, anchor.row, anchor.col);
  return cell ? displayValue(cell.value, cell.numberFormat) : "";
}

/** The displayed text of the cells named, by A1 address (so a pane can show a finding's cell with its value). */
export function cellTexts(grid: Grid, cells: Iterable<string>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const a1 of cells) if (!(a1 in out)) out[a1] = cellText(grid, a1);
  return out;
}

/** What a sheet that holds no 自评表 does hold, so "not a form" can say what was found instead. */
export interface SheetPreview {
  /** Cells with something in them. */
  readonly filled: number;
  /** The first few texts, top to bottom, left to right, each cut to a short length. */
  readonly texts: readonly string[];
}

export function sheetPreview(grid: Grid, max = 3, length = 16): SheetPreview {
  const keys = [...grid.cells.keys()].sort((a, b) => a - b);
  const texts: string[] = [];
  let filled = 0;
  for (const k of keys) {
    const c = grid.cells.get(k)!;
    const text = displayValue(c.value, c.numberFormat).replace(/\s+/g, " ").trim();
    if (text === "") continue;
    filled++;
    if (texts.length < max) texts.push(text.length > length ? `${text.slice(0, length)}…` : text);
  }
  return { filled, texts };
}
