import type { WorkbookResult, WrittenCell } from "../../app";
import { colName, countBySeverity, FindingReport, FormReport, HIGHLIGHT_MEANING, highlightArgb, HighlightKind, orderFindings, SheetReport, verdictText } from "../../engine";
import { FINDINGS_SHEET_MARKER, findingsSheetName } from "./findingsSheetMarker";
import type { SheetInfo } from "./readWorkbook";
import type { OwnSheet } from "./write/scoredCopy";
import { CellLook, StyleBook } from "./write/styleBook";
import { cellXml } from "./write/specSheet";
import { escapeXml } from "./write/xmlText";

// recognising our sheet lives apart (no exceljs); re-exported for the writers' callers
export { FINDINGS_SHEET_NAME, FINDINGS_SHEET_MARKER, isFindingsSheet, findingsSheetName, freeSheetName } from "./findingsSheetMarker";

export interface FindingsSheetInput {
  /** Every checked sheet, in workbook order, with the cells the copy wrote on it. */
  readonly sheets: readonly { readonly report: SheetReport; readonly writes: readonly WrittenCell[] }[];
  /** The 评分方案 the numbers were computed with. */
  readonly profile: { readonly id: string; readonly name: string };
  /** When the copy was scored (printed at the top). */
  readonly at: Date;
}

/**
 * Columns, in Excel width units (about one digit of the default font). Together about 150 units: an A4 page in
 * landscape at close to 100 %, and the sheet is printed "fit to one page wide" anyway, so 说明 is never on
 * another page than its cell.
 */
const COLUMNS = [
  { header: "工作表", width: 12 },
  { header: "单元格", width: 11 },
  { header: "级别", width: 8 },
  { header: "说明", width: 60 },
  { header: "计算", width: 36 },
  { header: "代码", width: 24 },
] as const;
const COL = { sheet: 1, cells: 2, level: 3, message: 4, calculation: 5, code: 6 } as const;
const HEADER_ROW = 4;
/** The rows printed on every page of the sheet (its header row), as a print-titles reference. */
export const FINDINGS_PRINT_TITLE_ROWS = `$${HEADER_ROW}:$${HEADER_ROW}`;

/** Points per wrapped line at the default 11 pt font, with room for CJK fonts' taller lines. */
const LINE_PT = 15;
const PADDING_PT = 4;

/**
 * How many lines a text needs in a wrapped column. a writer cannot measure text and neither Excel nor LibreOffice
 * re-measures rows of a file when it opens, so an unset height cuts a long message to one line: the height is
 * set from this estimate, generous on purpose (a CJK character ≈ 2.2 digit widths, other characters 1.15).
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let units = 0;
    for (const ch of paragraph) units += /[\u2E80-\uFFEF]/.test(ch) ? 2.2 : 1.15;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}

function stamp(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** 总分 / 评分等级 / 执行率 of a form, as its block's heading says them. */
function totalsLine(f: FormReport, findings: readonly FindingReport[]): string {
  const rate = f.funds[0]?.rate.computed;
  const c = countBySeverity(findings);
  const ignored = findings.filter((x) => x.ignored).length;
  const counts = `错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条${ignored ? `，已忽略 ${ignored} 条` : ""}`;
  const rateText = rate ? `执行率 ${rate}%` : "执行率无法计算";
  // rules.md §5: a form that does not add up at its root gets no 总分 verdict, only the sum of its scores
  const v = verdictText(f);
  const total = v.reason ? `${v.label} ${v.value}（${v.reason}）` : `总分 ${v.value}　评分等级 ${f.grade.computed ?? "无法评定"}`;
  return `${f.projectName ?? "（未填写项目名称）"}\n${total}　${rateText}　｜　${counts}`;
}

const HEAD_FILL = "FFD9D9D9";
const BLOCK_FILL = "FFF2F2F2";
const CODE_FONT = { size: 9, color: "FF595959" } as const;

/** Whether a cell (A1) is one of a form's derived or score cells: which form a write belongs to. */
function ownsCell(f: FormReport, a1: string): boolean {
  return f.funds.some((x) => x.rate.cell === a1 || x.score?.cell === a1) || f.indicators.some((i) => i.score.cell === a1) || f.total.cell === a1 || f.grade.cell === a1;
}

/** A row of the sheet as SheetML: text cells (inline strings: the copy's string table is left alone), styled, at a height. */
function rowXml(row: number, height: number, cells: readonly { readonly text: string | null; readonly s: number }[]): string {
  return `<row r="${row}" ht="${height}" customHeight="1">${cells.map(({ text, s }, i) => cellXml({ row, col: i + 1, value: text }, s)).join("")}</row>`;
}

/** The row height for its tallest wrapped cell. */
const heightFor = (texts: readonly (string | null)[], widths: readonly number[]) => Math.max(1, ...texts.map((t, i) => (t ? wrappedLines(t, widths[i] ?? 10) : 1))) * LINE_PT + PADDING_PT;

/**
 * The 校验结果 sheet as SheetML and the stylesheet its `s="…"` refer to (scoredCopy moves the styles into the copy's).
 * Laid out to print: A4 landscape, one page wide, the header row repeated on every page (the print titles are the
 * copy's defined name, FINDINGS_PRINT_TITLE_ROWS), text wrapped in rows tall enough for it. At the top the 评分方案 and
 * the time; then one block per form: its 总分 / 评分等级 line, the cells written (已写入, with what they held before),
 * then the findings, 错误 before 警告 before 提示, each by position; the 已忽略 last with their reason.
 */
export function findingsSheetParts(input: FindingsSheetInput): { readonly sheet: string; readonly styles: string } {
  const book = new StyleBook();
  const widths = COLUMNS.map((c) => c.width);
  const last = COLUMNS.length;
  const rows: string[] = [];
  const merges: string[] = [];
  // every cell of this sheet wraps its text and reads from the top
  const xf = (look: CellLook) => book.xf({ ...look, vertical: "top", wrap: true });
  const wide = (text: string, look: CellLook) => {
    const row = rows.length + 1;
    const s = xf(look);
    rows.push(rowXml(row, wrappedLines(text, widths.reduce((a, b) => a + b, 0)) * LINE_PT + PADDING_PT, [{ text, s }, ...Array.from({ length: last - 1 }, () => ({ text: null, s }))]));
    merges.push(`<mergeCell ref="A${row}:${colName(last)}${row}"/>`);
  };

  // every form of every sheet (a sheet may hold several), each with the writes in its cells
  const forms = input.sheets.flatMap((s) =>
    s.report.forms.map((f, i) => ({
      sheet: s.report.sheet,
      form: f.form,
      findings: f.findings,
      writes: s.report.forms.length === 1 ? s.writes : s.writes.filter((w) => ownsCell(f.form, w.cell) || (i === 0 && !s.report.forms.some((o) => ownsCell(o.form, w.cell)))),
    })),
  );
  const all = countBySeverity(forms.flatMap((s) => s.findings));
  // every look this sheet can use, made first and in one order: the stylesheet is the same whatever was found, so a
  // copy scored again reuses the styles the last run added instead of adding the looks it did not need then
  for (const look of [{ bold: true, size: 14 }, { bold: true }, {}, { bold: true, fill: HEAD_FILL, border: true }]) xf(look);
  for (const block of [false, true]) {
    xf({ border: true, ...(block ? { bold: true, fill: BLOCK_FILL } : {}) });
    xf({ border: true, ...CODE_FONT, ...(block ? { fill: BLOCK_FILL } : {}) });
  }
  for (const level of ["error", "warning", "info", "written"] as const) xf({ border: true, fill: highlightArgb(level) });
  wide("校验结果", { bold: true, size: 14 });
  wide(`评分方案：${input.profile.name}（${input.profile.id}）　校验时间：${stamp(input.at)}　共 ${forms.length} 张自评表：错误 ${all.error} 条，警告 ${all.warning} 条，提示 ${all.info} 条`, { bold: true });
  wide("颜色：表中红色为错误、黄色为警告、绿色为本助手写入的计算结果（原值见“已写入”行）；提示只在此列出，不标注颜色。在 Excel 中用本助手的“清除标注”可去掉颜色，“撤销上次写入”可恢复原值。", {});
  const head = xf({ bold: true, fill: HEAD_FILL, border: true });
  rows.push(rowXml(HEADER_ROW, LINE_PT + PADDING_PT, COLUMNS.map((c) => ({ text: c.header, s: head }))));

  /** A row of the table: every cell bordered; a block's heading row filled and bold; the level cell in its colour; the code small and grey. */
  const add = (values: readonly (string | null)[], style: { block?: boolean; level?: HighlightKind } = {}) => {
    const cell = xf({ border: true, ...(style.block ? { bold: true, fill: BLOCK_FILL } : {}) });
    const level = style.level ? xf({ border: true, fill: highlightArgb(style.level) }) : cell;
    const code = xf({ border: true, ...CODE_FONT, ...(style.block ? { fill: BLOCK_FILL } : {}) });
    const row = rows.length + 1;
    rows.push(rowXml(row, heightFor(values, widths), values.map((text, i) => ({ text, s: i + 1 === COL.code ? code : i + 1 === COL.level ? level : cell }))));
  };

  for (const { sheet, form, findings: list, writes } of forms) {
    add([sheet, "", "", totalsLine(form, list), form.calculations.total, ""], { block: true });
    for (const w of writes) add([sheet, w.cell, HIGHLIGHT_MEANING.written, `${w.what}：${w.previous || "（空）"} → ${w.value}`, w.why, ""], { level: "written" });
    const findings = orderFindings(list.filter((x) => !x.ignored));
    if (findings.length === 0) add([sheet, "", "", "没有发现问题。", "", ""]);
    for (const x of findings) add([sheet, x.cells.join("、"), HIGHLIGHT_MEANING[x.severity], x.message, x.calculation ?? "", x.code], { level: x.severity });
    for (const x of list.filter((f) => f.ignored)) {
      const why = `已忽略：${x.ignored!.reason}${x.ignored!.by ? `（${x.ignored!.by}${x.ignored!.at ? `，${x.ignored!.at}` : ""}）` : ""}`;
      add([sheet, x.cells.join("、"), "已忽略", x.message, why, x.code]);
    }
  }
  const others = input.sheets.filter((s) => !s.report.isForm);
  if (others.length > 0) add(["", "", "", `其他工作表（没有找到自评表，未校验）：${others.map((s) => `“${s.report.sheet}”`).join("、")}`, "", ""], { block: true });

  const column = xf({});
  const cols = COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${column}" customWidth="1"/>`).join("");
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${colName(last)}${rows.length}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddFooter>${escapeXml("&C第 &P 页，共 &N 页")}</oddFooter></headerFooter></worksheet>`;
  return { sheet, styles: book.xml() };
}

/**
 * The 校验结果 of a checked workbook as one of our sheets of its scored copy (laid out here, no exceljs), in place of an
 * earlier copy's (found by its marker) or added as 校验结果 (校验结果(2)… beside a user's sheet of that name).
 */
export function findingsOwnSheet(result: WorkbookResult, sheets: readonly SheetInfo[], taken: readonly string[]): OwnSheet {
  const replaces = sheets.find((s) => s.isFindingsSheet) ?? null;
  const name = replaces?.name ?? findingsSheetName(taken);
  const styled = findingsSheetParts({ sheets: result.sheets, profile: result.profile, at: new Date() });
  return { name, replaces, content: { styled }, marker: FINDINGS_SHEET_MARKER, printTitleRows: FINDINGS_PRINT_TITLE_ROWS };
}
