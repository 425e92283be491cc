import { Cell, CellValue, valueText } from "../grid/grid";
import { toHalfWidth } from "../grid/normalizeLabel";
import { isNoneMark } from "../vocabulary";
import { D, Dec, fromSpreadsheetNumber, HUNDRED } from "../number/decimal";

/** How a number cell reads: a number, "none" (empty, `-`, `—`, `/`), or text that is not a number. */
export type NumberReading =
  | { readonly kind: "number"; readonly value: Dec }
  | { readonly kind: "none" }
  | { readonly kind: "invalid"; readonly text: string };

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Parse number text as accountants type it: `12,566.54`, ` 97.68 `, full-width digits, a trailing unit
 * (`万元`, `万` — `3359.62万` under a 万元 heading —, `元`, `分`). Returns null when it is not a number.
 * @example parseNumberText("12,566.54")?.toFixed(2) //=> "12566.54"
 */
export function parseNumberText(text: string): Dec | null {
  // a note after the amount (`854万(高标准农田建设400万元,…)`) says what it is made of: the amount is before it
  const t = toHalfWidth(text).replace(/\s+/g, "").replace(/^([^()]+)\(.*\)$/, "$1").replace(/(万元|万|元|分)$/, "");
  if (!NUMBER_TEXT.test(t)) return null;
  return new D(t.replace(/,/g, ""));
}

/** A plain amount, 分值 or 得分 cell. */
export function readNumber(cell: Cell | undefined): NumberReading {
  const value: CellValue = cell?.value ?? null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", text: String(value) };
    return { kind: "number", value: fromSpreadsheetNumber(value) };
  }
  const text = valueText(value).trim();
  if (isNoneMark(text)) return { kind: "none" };
  const n = parseNumberText(text);
  return n ? { kind: "number", value: n } : { kind: "invalid", text };
}

/** True when the number format shows the value as a percentage (`0.00%`), ignoring quoted literals. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  return numberFormat.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
}

/**
 * A percentage cell read in percent units (93.77): `93.77` under a `(%)` header, `93.77%` text,
 * or 0.9377 with a `%` number format.
 */
export function readPercent(cell: Cell | undefined): NumberReading {
  const value = cell?.value ?? null;
  if (typeof value === "number") {
    const r = readNumber(cell);
    if (r.kind === "number" && isPercentFormat(cell?.numberFormat)) return { kind: "number", value: r.value.times(HUNDRED) };
    return r;
  }
  const text = toHalfWidth(valueText(value)).trim();
  if (text.endsWith("%")) {
    const n = parseNumberText(text.slice(0, -1));
    return n ? { kind: "number", value: n } : { kind: "invalid", text };
  }
  return readNumber(cell);
}
