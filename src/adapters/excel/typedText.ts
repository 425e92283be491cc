import type { CellValue } from "../../engine";

/**
 * Excel takes a string written to `Range.values` or `Range.formulas` as if it were typed into the cell: "-", "100%",
 * "96.30" or "15-Feb" become numbers, dates or formulas (learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-blank-null-values, whose example writes '15-Feb' and formats it as a date). A leading apostrophe
 * keeps the rest as text, without becoming part of the value (office-js#6687). Text that Excel might convert gets
 * one; text that stays text anyway (优, 达成指标) is written as it is, so its cells keep looking the same.
 */

/** Whether Excel might turn this text into something else when it is entered: a number, date, time, boolean, error or formula. */
export function wouldConvert(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@'#]/.test(t)) return true; // a formula, an error value, or an apostrophe that would be eaten
  if (/[0-9\uFF10-\uFF19]/.test(t)) return true; // numbers, percentages, currency, dates and times all have a digit
  return /^(true|false)$/i.test(t);
}

/** The value to assign so that the cell holds exactly `value`: text as text, numbers and booleans as they are. */
export function asEntered(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return wouldConvert(value) ? `'${value}` : value;
}

/**
 * Queue writing `value` into one cell so that it holds exactly that, given the cell's number format now and, when the
 * write changes it, the format it is to have (set first: what a cell holds is decided as the value is entered).
 *
 * A cell formatted as Text ("@") keeps whatever is entered as text, literally: an apostrophe would stay part of the
 * value, and a number would become text that SUM ignores ("Format numbers as text", support.microsoft.com). So text
 * goes into a Text cell as it is, and a number goes in under "General" for the moment and the cell is given "@"
 * back: changing a cell's format does not convert what it holds, so the cell keeps its format and holds a number
 * that SUM counts. Anywhere else text Excel could convert gets its apostrophe (asEntered).
 */
export function queueExactValue(range: Excel.Range, value: CellValue, formatNow: string | undefined, formatAfter?: string): void {
  const format = formatAfter ?? formatNow;
  if ((typeof value === "number" || typeof value === "boolean") && format === "@") {
    range.numberFormat = [["General"]];
    range.values = [[value]];
    range.numberFormat = [["@"]];
    return;
  }
  if (formatAfter !== undefined && formatAfter !== formatNow) range.numberFormat = [[formatAfter]];
  range.values = [[format === "@" && typeof value === "string" ? value : asEntered(value)]];
}
