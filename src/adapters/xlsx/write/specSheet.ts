import { zipSync } from "fflate";
import { CellStyle, colName, DataValidationSpec, SheetSpec, SpecCell } from "../../../engine";
import { CellLook, StyleBook } from "./styleBook";
import { verifyPackage } from "./verifyCopy";
import { escapeXml, inlineStringCell, xstring } from "./xmlText";

/**
 * A SheetSpec as SheetML, laid out without exceljs: a template (formulas, number formats, data validations, the
 * print setup; the workbook recalculated on opening) and a folder's 汇总 workbook as a package of that one sheet; the
 * 汇总 of a copy as its sheet and styles (specSheetParts), which scoredCopy moves into the copy. It looks as
 * writeWorkbook.ts's exceljs sheet does (宋体 for bold or sized text, thin black borders, links blue and underlined;
 * the links themselves are the package editor's, write/hyperlinks.ts).
 */
export function specSheetPackage(spec: SheetSpec, options: { readonly fullCalcOnLoad?: boolean } = {}): Uint8Array {
  const { sheet, styles } = specSheetParts(spec);
  return packageOf(spec.name, sheet, styles, options.fullCalcOnLoad ?? false);
}

/** The sheet part of a spec and the stylesheet its `s="…"` refer to (what scoredCopy moves into a copy). */
export function specSheetParts(spec: SheetSpec): { readonly sheet: string; readonly styles: string } {
  const book = new StyleBook();
  const byRow = new Map<number, SpecCell[]>();
  for (const c of spec.cells) {
    const row = byRow.get(c.row);
    if (row) row.push(c);
    else byRow.set(c.row, [c]);
  }
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  const rowNumbers = [...new Set([...byRow.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const rows = rowNumbers.map((r) => {
    const cells = [...(byRow.get(r) ?? [])].sort((a, b) => a.col - b.col).map((c) => cellXml(c, book.xf(lookOf(c))));
    const height = heights.get(r);
    return `<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>${cells.join("")}</row>`;
  });
  const last = { row: Math.max(1, ...rowNumbers), col: Math.max(1, ...spec.cells.map((c) => c.col)) };
  const cols = (spec.columnWidths ?? []).map(({ col, width }) => `<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`).join("");
  const merges = spec.merges.map((m) => `<mergeCell ref="${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}"/>`);
  const fit = spec.printFitWidth === true;
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="A1:${colName(last.col)}${last.row}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    (spec.validations?.length ? `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join("")}</dataValidations>` : "") +
    (fit ? '<printOptions horizontalCentered="1"/>' : "") +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (fit ? '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>' : "") +
    "</worksheet>";
  return { sheet, styles: book.xml() };
}

/** A validation as exceljs wrote it: a list (with its prompt shown), or a decimal at least `min` (and at most a formula). */
function validationXml(v: DataValidationSpec): string {
  const { top, left, bottom, right } = v.range;
  const sqref = `${colName(left)}${top}${top === bottom && left === right ? "" : `:${colName(right)}${bottom}`}`;
  const f = (n: 1 | 2, text: string) => `<formula${n}>${escapeXml(text)}</formula${n}>`;
  if (v.kind === "list") return `<dataValidation type="list" allowBlank="1" showInputMessage="1" prompt="${escapeXml(v.prompt, "attribute")}" sqref="${sqref}">${f(1, `"${v.items.join(",")}"`)}</dataValidation>`;
  const operator = v.maxFormula ? "between" : "greaterThanOrEqual";
  return (
    `<dataValidation type="decimal" operator="${operator}" allowBlank="1" showErrorMessage="1" errorTitle="输入有误" error="${escapeXml(v.prompt, "attribute")}" sqref="${sqref}">` +
    f(1, v.min) +
    (v.maxFormula ? f(2, v.maxFormula) : "") +
    "</dataValidation>"
  );
}

/** A cell's look, as writeWorkbook.ts's applyStyle gives it (a link: blue, underlined). */
function lookOf(c: SpecCell): CellLook {
  const s: CellStyle = c.style ?? {};
  return {
    ...(s.bold || s.fontSize ? { font: "宋体", size: s.fontSize ?? 11 } : {}),
    ...(s.bold ? { bold: true } : {}),
    ...(s.wrap ? { wrap: true } : {}),
    ...(s.horizontal ? { horizontal: s.horizontal } : {}),
    ...(s.vertical ? { vertical: s.vertical === "middle" ? "center" : "top" } : {}),
    ...(s.border ? { border: "FF000000" } : {}),
    ...(s.fill ? { fill: s.fill } : {}),
    ...(c.link ? { color: "FF0563C1", underline: true } : {}),
    ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
  };
}

/** A cell of a spec as SheetML with its style: a formula (with its cached value), a number, a truth value, text. */
export function cellXml(c: Pick<SpecCell, "row" | "col" | "value" | "formula">, s: number): string {
  const r = `${colName(c.col)}${c.row}`;
  if (c.formula !== undefined) {
    // its cached value when the spec gives one (the workbook asks for a full recalculation anyway)
    const f = `<f>${escapeXml(c.formula)}</f>`;
    if (typeof c.value === "number") return `<c r="${r}" s="${s}">${f}<v>${c.value}</v></c>`;
    if (typeof c.value === "string" && c.value !== "") return `<c r="${r}" s="${s}" t="str">${f}<v>${xstring(c.value)}</v></c>`;
    return `<c r="${r}" s="${s}">${f}</c>`;
  }
  if (c.value === null || c.value === "") return `<c r="${r}" s="${s}"/>`;
  if (typeof c.value === "number") return `<c r="${r}" s="${s}"><v>${c.value}</v></c>`;
  if (typeof c.value === "boolean") return `<c r="${r}" s="${s}" t="b"><v>${c.value ? 1 : 0}</v></c>`;
  return inlineStringCell(r, String(c.value), s);
}

/** A fixed time for the package's parts: the same spec gives the same bytes. */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** The smallest package Excel opens with this one sheet and its styles. */
function packageOf(name: string, sheet: string, styles: string, fullCalcOnLoad: boolean): Uint8Array {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rels = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": utf8(
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    "_rels/.rels": utf8(`${xml}<Relationships ${rels}><Relationship Id="rId1" Type="${relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": utf8(
      `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relType}"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(name, "attribute")}" sheetId="1" r:id="rId1"/></sheets>${fullCalcOnLoad ? '<calcPr fullCalcOnLoad="1"/>' : ""}</workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": utf8(
      `${xml}<Relationships ${rels}><Relationship Id="rId1" Type="${relType}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relType}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": utf8(styles),
    "xl/worksheets/sheet1.xml": utf8(sheet),
  };
  // a package written whole goes through the same last look as a copy (verifyCopy.ts): nothing unchecked is written
  verifyPackage({
    written: new Map(Object.entries(files)),
    names: Object.keys(files),
    read: (name) => files[name] ?? null,
    original: () => null,
    workbook: "xl/workbook.xml",
    styles: "xl/styles.xml",
  });
  return zipSync(files, { mtime: MTIME });
}
