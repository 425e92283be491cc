import { InflateBudget, ZipArchive } from "../zip/zipArchive";
import { xsdInteger } from "./numbers";
import { parseXml, STYLES_XML_LIMITS } from "./xml";

/**
 * The number formats Excel does not write into styles.xml (ECMA-376 part 1, §18.8.30), as their format codes.
 * 27–36 and 50–58 are the East Asian built-ins; in a Chinese Excel they are dates (`yyyy"年"m"月"`).
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};
const EAST_ASIAN_DATES = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];
for (const id of EAST_ASIAN_DATES) (BUILT_IN as Record<number, string>)[id] = 'yyyy"年"m"月"d"日"';

/** The format code of a built-in number format id, undefined for General (0) and unknown ids. */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/**
 * Whether a number format shows a date or time (a serial number to turn into a date): a d/m/y/h/s code outside
 * quotes, escapes and [colour]/[locale] brackets, as Excel decides it. Elapsed-time brackets ([h]) count as time.
 * @example isDateFormat('yyyy"年"m"月"') //=> true
 * @example isDateFormat('0.00"天"') //=> false
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  // asked for every number cell; a workbook has a few formats
  let known = dateFormats.get(code);
  if (known === undefined) {
    known = dateFormat(code);
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(code, known);
  }
  return known;
}

const dateFormats = new Map<string, boolean>();

function dateFormat(code: string): boolean {
  const section = code.split(";")[0];
  const bare = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare.replace(/General/gi, ""));
}

/** For each cellXfs index (a cell's `s`), its number format code; undefined where it is General. */
export function readCellFormats(zip: ZipArchive, part: string | null, budget: InflateBudget): readonly (string | undefined)[] {
  const entry = part ? zip.get(part) : undefined;
  if (!entry || !part) return [];
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  parseXml(part, (write) => zip.inflate(entry, budget, write), {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(xsdInteger(a.numFmtId), a.formatCode);
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = xsdInteger(a.numFmtId ?? "0");
        const code = custom.get(id) ?? builtInFormat(id);
        formats.push(code === undefined || code === "General" ? undefined : code);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  }, STYLES_XML_LIMITS);
  return formats;
}
