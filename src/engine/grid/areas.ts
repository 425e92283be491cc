import { colName, parseA1 } from "./cellRef";
import { MergeArea } from "./grid";

/**
 * A1 ranges ↔ areas (1-based, inclusive), as both spreadsheet edges print and parse them.
 * @example rangeA1({ top: 1, left: 1, bottom: 2, right: 9 }) //=> "A1:I2"
 */
export function rangeA1(area: MergeArea): string {
  return `${colName(area.left)}${area.top}:${colName(area.right)}${area.bottom}`;
}

/**
 * One range as an area: `B2:C3`, `$B$2:$C$3`, `C3:B2` and a single cell `B2` alike, with or without a sheet
 * name in front (`'My sheet'!B2:C3`).
 * @example areaOfRange("Sheet1!C3:B2") //=> { top: 2, left: 2, bottom: 3, right: 3 }
 */
export function areaOfRange(range: string): MergeArea {
  const local = range.slice(range.lastIndexOf("!") + 1).trim();
  const [a, b = a] = local.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * The areas of an A1 reference list as Excel prints it: `Sheet1!A1:I1, 'My sheet'!B2:C3` → areas.
 * Sheet names may be quoted and contain commas or `''`.
 */
export function parseAreas(address: string): MergeArea[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(areaOfRange);
}
