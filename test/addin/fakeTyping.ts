/**
 * What Excel stores when a string is written to `Range.values` or `Range.formulas`: the string is taken as if the
 * user had typed it into the cell. Modelled from the documentation, each rule with its source:
 *  - "15-Feb" becomes a date (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values, whose
 *    example writes `'15-Feb'` and then gives the cell a date format); numbers, percentages, currency, dates and
 *    times typed into a General cell become numbers and the cell gets a matching format ("Available number formats
 *    in Excel", support.microsoft.com: "Excel applies the number format automatically as you type");
 *  - an entry starting with "=" is a formula (excel-add-ins-ranges-set-get-values: "Use range.formulas to write
 *    formulas"); one starting with "+", "-" or "@" is taken as a formula too (Excel's formula-entry rules, Lotus
 *    compatibility: "-abc" is entered as =-abc);
 *  - a leading apostrophe keeps the rest as text and is not part of the value (office-js#6687: the API returns
 *    such text without the quote);
 *  - a cell already formatted as Text ("@") keeps whatever is typed as text ("Format numbers as text",
 *    support.microsoft.com).
 * Anything else stays text. This is deliberately no kinder than Excel: when in doubt, it converts.
 */
import type { CellValue } from "../../src/engine";

export interface Typed {
  readonly value: CellValue;
  /** Without the leading "=". */
  readonly formula?: string;
  /** The format Excel gives a General cell for what was typed. */
  readonly numberFormat?: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;

/** Excel's 1900 date system: serial 1 = 1900-01-01, with the 1900-02-29 that never was. */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function monthOf(word: string): number | null {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 || (word.length > 3 && !/^[a-z]+$/i.test(word)) ? null : i + 1;
}

function asNumber(text: string): number | null {
  const t = text.trim();
  if (t === "" || t === "+" || t === "-" || t === "." || !NUMBER.test(t) || !/\d/.test(t)) return null;
  return Number(t.replace(/,/g, ""));
}

const THIS_YEAR = new Date().getFullYear();

function asDate(text: string): Typed | null {
  const t = text.trim();
  let m = /^(\d{1,2})[-/ ]([A-Za-z]{3,9})(?:[-/ ](\d{2,4}))?$/.exec(t);
  if (m) {
    const month = monthOf(m[2]);
    const s = month ? serial(m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : THIS_YEAR, month, Number(m[1])) : null;
    if (s !== null) return { value: s, numberFormat: m[3] ? "d-mmm-yy" : "d-mmm" };
  }
  m = /^([A-Za-z]{3,9})[-/ ](\d{1,2})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]);
    const s = month ? serial(THIS_YEAR, month, Number(m[2])) : null;
    if (s !== null) return { value: s, numberFormat: "d-mmm" };
  }
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) {
    const s = serial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (s !== null) return { value: s, numberFormat: "yyyy/m/d" };
  }
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) {
    const s = serial(THIS_YEAR, Number(m[1]), Number(m[2]));
    if (s !== null) return { value: s, numberFormat: "m/d" };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) {
    return { value: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400, numberFormat: "h:mm" };
  }
  return null;
}

/** The cell contents Excel makes of a string typed into a cell whose number format is `format`. */
export function typeIn(text: string, format: string | undefined): Typed {
  if (text === "") return { value: null };
  if (format === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text.slice(1) };
  const n = asNumber(text);
  if (n !== null) return { value: n };
  const paren = /^\((.+)\)$/.exec(text.trim());
  if (paren && asNumber(paren[1]) !== null) return { value: -asNumber(paren[1])! };
  const pct = /^(.+)%$/.exec(text.trim());
  if (pct && asNumber(pct[1]) !== null) return { value: asNumber(pct[1])! / 100, numberFormat: pct[1].includes(".") ? "0.00%" : "0%" };
  const cur = /^[¥￥$](.+)$/.exec(text.trim());
  if (cur && asNumber(cur[1]) !== null) return { value: asNumber(cur[1])!, numberFormat: `${text.trim()[0]}#,##0.00` };
  const date = asDate(text);
  if (date) return date;
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === "true" };
  if (/^[+\-@]/.test(text)) return { value: null, formula: text.startsWith("@") ? text.slice(1) : text };
  return { value: text };
}
