import { SUMMARY_SHEET, SummaryRow, summaryRows, summarySheetSpec, WorkbookResult, worstFirst } from "../../app";
import { colName, SheetSpec, SpecCell } from "../../engine";
import { freeSheetName } from "./findingsSheetMarker";
import { DEFAULT_LIMITS } from "./limits";
import { relsPartOf } from "./read/package";
import { SUMMARY_SHEET_MARKER } from "./summaryMarker";
import type { SheetInfo } from "./readWorkbook";
import { editWorkbook } from "./write/editPackage";
import { HyperlinkSpec, withHyperlinks } from "./write/hyperlinks";
import type { OwnSheet } from "./write/scoredCopy";
import { escapeXml } from "./write/xmlText";
import { verifyPackage } from "./write/verifyCopy";
import { OutputPart, writeZip } from "./write/zipWriter";
import { specSheetPackage, specSheetParts } from "./write/specSheet";
import { InflateBudget, ZipArchive } from "./zip/zipArchive";

const HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";


const displayOf = (c: SpecCell) => (c.value === null ? "" : String(c.value));

/**
 * The 汇总 of a checked workbook as one of our sheets of its scored copy: one row per form, worst first, each with
 * a link to its form (`'表1'!H6`, within the workbook).
 */
export async function summaryOwnSheet(result: WorkbookResult, sheets: readonly SheetInfo[], taken: readonly string[]): Promise<OwnSheet> {
  const replaces = sheets.find((s) => s.isSummarySheet) ?? null;
  const name = replaces?.name ?? freeSheetName(SUMMARY_SHEET, taken);
  const spec = summarySheetSpec(worstFirst(summaryRows(result)), result.profile.name, name);
  const links = spec.cells
    .filter((c) => c.link?.startsWith("#"))
    .map((c) => ({ ref: `${colName(c.col)}${c.row}`, location: c.link!.slice(1), display: displayOf(c) }));
  return { name, replaces, content: { styled: specSheetParts(spec) }, marker: SUMMARY_SHEET_MARKER, links };
}

/**
 * A folder's 汇总 as a workbook of its own: one row per form of every file, worst first, each linked to its file
 * (`href(file)`: its address as seen from where this workbook is written, so the links work wherever the folders
 * are moved together) and to the form's place in it; the notes below the table (files that could not be read).
 */
export async function folderSummaryBytes(rows: readonly SummaryRow[], profileName: string, href: (file: string) => string, notes: readonly string[] = []): Promise<Uint8Array> {
  // sorted once: the table's row r is sorted[r - 2], which the links below are found by
  const sorted = worstFirst(rows);
  const table = summarySheetSpec(sorted, profileName, SUMMARY_SHEET);
  const width = Math.max(...table.cells.map((c) => c.col));
  const below = notes.map((text, i): SpecCell => ({ row: rows.length + 3 + i, col: 1, value: text, style: {} }));
  const spec: SheetSpec = { ...table, cells: [...table.cells, ...below], merges: [...table.merges, ...below.map((c) => ({ top: c.row, left: 1, bottom: c.row, right: width }))] };
  const zip = ZipArchive.open(specSheetPackage(spec));
  const budget: InflateBudget = { remaining: DEFAULT_LIMITS.xmlBytes, limit: DEFAULT_LIMITS.xmlBytes };
  const sheetPart = zip.entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))!;
  const relsName = relsPartOf(sheetPart.name);
  if (zip.get(relsName)) throw new Error(`${relsName}: the 汇总 sheet has relationships of its own`);

  const links: HyperlinkSpec[] = [];
  const rels: string[] = [];
  for (const c of spec.cells) {
    const row = sorted[c.row - 2];
    if (!c.link || !row?.file || !c.link.startsWith(`${row.file}#`)) continue;
    const relId = `rId${rels.length + 1}`;
    rels.push(`<Relationship Id="${relId}" Type="${HYPERLINK_TYPE}" Target="${escapeXml(href(row.file), "attribute")}" TargetMode="External"/>`);
    // the file by its relationship, the place in it as `location`: how Excel writes a link into another workbook
    links.push({ ref: `${colName(c.col)}${c.row}`, relId, location: c.link.slice(row.file.length + 1), display: displayOf(c) });
  }
  const sheetXml = withHyperlinks(sheetPart.name, zip.read(sheetPart, budget), links);
  const relsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  const workbookPart = zip.get("xl/workbook.xml")!;
  const workbookXml = editWorkbook(workbookPart.name, zip.read(workbookPart, budget), {
    fullCalcOnLoad: false,
    markers: [{ definedName: SUMMARY_SHEET_MARKER, localSheetId: 0, sheetName: SUMMARY_SHEET }],
  });
  const parts: OutputPart[] = zip.entries.map((e) =>
    e.name === sheetPart.name ? { name: e.name, content: sheetXml } : e.name === workbookPart.name ? { name: e.name, content: workbookXml } : { name: e.name, copy: e },
  );
  const all = [...parts, ...(rels.length ? [{ name: relsName, content: new TextEncoder().encode(relsXml) }] : [])];
  const written = new Map(all.flatMap((p) => ("content" in p ? [[p.name, p.content] as const] : [])));
  verifyPackage({
    written,
    names: all.map((p) => p.name),
    inputNames: zip.entries.map((e) => e.name),
    read: (name) => written.get(name) ?? (zip.get(name) ? zip.read(zip.get(name)!, budget) : null),
    original: (name) => (zip.get(name) ? zip.read(zip.get(name)!, budget) : null),
    workbook: workbookPart.name,
    styles: "xl/styles.xml",
  });
  return writeZip(zip, all);
}
