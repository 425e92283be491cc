import { MergeArea, parseA1 } from "../../engine";

/**
 * The areas of an A1 reference list as Excel prints it: `Sheet1!A1:I1, 'My sheet'!B2:C3` → merge areas
 * (1-based). Sheet names may be quoted and contain commas or `''`.
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
    .map((p) => {
      const local = p.slice(p.lastIndexOf("!") + 1);
      const [a, b = a] = local.split(":");
      const p1 = parseA1(a);
      const p2 = parseA1(b);
      return { top: Math.min(p1.row, p2.row), left: Math.min(p1.col, p2.col), bottom: Math.max(p1.row, p2.row), right: Math.max(p1.col, p2.col) };
    });
}
