import { planMarks, WritePlan } from "../../../engine";
import { DEFAULT_LIMITS, unreadable } from "../limits";
import { relsPartOf } from "../read/package";
import type { ReadSheet, WorkbookSource } from "../readWorkbook";
import { InflateBudget, isSafeEntryName, ZipArchive } from "../zip/zipArchive";
import { editSheet } from "./editSheet";
import { addContentType, addRelationship, editWorkbook, SheetState, WorkbookEdit } from "./editPackage";
import { withPlaceLinks } from "./hyperlinks";
import { MINIMAL_STYLES, StylesEditor } from "./editStyles";
import { verifyPackage } from "./verifyCopy";
import { OutputPart, writeZip } from "./zipWriter";

const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** A link from a cell of our sheet to a place in the workbook (`'表1'!H6`): no relationship needed. */
export interface PlaceLink {
  readonly ref: string;
  readonly location: string;
  readonly display?: string;
}

/**
 * A sheet of our own to put into the copy (校验结果, 汇总, the store): added at the end of the tab order, or in place
 * of the one it replaces (a copy scored again keeps one of each).
 */
export interface OwnSheet {
  /** Its name in the copy (a new sheet), or the existing sheet it replaces. */
  readonly name: string;
  readonly replaces: SheetPart | null;
  /**
   * The sheet part: XML ready to use (the store's text cells), or XML whose `s="…"` refer to a stylesheet of its own
   * (the 校验结果 sheet, the 汇总), its styles moved into the copy's and the references renumbered.
   */
  readonly content: { readonly xml: Uint8Array } | { readonly styled: { readonly sheet: string; readonly styles: string } };
  /** A hidden defined name scoped to the sheet: how we recognise it later, whatever the user renamed it to. */
  readonly marker?: string;
  /** Rows printed on every page (`$4:$4`): a defined name scoped to the sheet, written with its marker. */
  readonly printTitleRows?: string;
  /** Links from its cells to places in this workbook. */
  readonly links?: readonly PlaceLink[];
  /** Its state in workbook.xml; the store is very hidden (not even in Excel's 取消隐藏 list). */
  readonly state?: SheetState;
}

export interface CopyOptions {
  /** Ask for a full recalculation on opening; by default when the plans write a cell. */
  readonly fullCalcOnLoad?: boolean;
}

/** A worksheet of the package as the copy needs it: its name and part (its grid was let go after its check). */
export type SheetPart = Pick<ReadSheet, "name" | "part">;

function freshName(taken: (name: string) => boolean, make: (i: number) => string): string {
  for (let i = 1; ; i++) if (!taken(make(i))) return make(i);
}

/**
 * The scored copy of a package, edited surgically: the written cells' XML and the highlight rules in the form
 * sheets, the styles they need appended to styles.xml, our own sheets added or replaced (workbook.xml, its rels and
 * the content types) — every other part copied as it is, compressed bytes included (charts, images, pivot caches,
 * comments, custom properties, VBA, printer settings…).
 */
export function scoredCopy(source: WorkbookSource, sheets: readonly SheetPart[], plans: readonly WritePlan[], own: readonly OwnSheet[], options: CopyOptions = {}): Uint8Array {
  const { zip, workbook } = source;
  // what the writer adds is transitional SpreadsheetML: a strict package would come out of two conformance classes
  if (workbook.strict) throw unreadable(STRICT_REFUSED);
  // every part the copy edits is read again: the workbook's limit, with room for the parts the check did not read
  const budget: InflateBudget = { remaining: DEFAULT_LIMITS.workbookXmlBytes! * 2, limit: DEFAULT_LIMITS.workbookXmlBytes! * 2 };
  const read = (name: string) => zip.read(zip.get(name)!, budget);
  const replaced = new Map<string, Uint8Array>();
  const added: OutputPart[] = [];
  const contentTypeAdds: [string, string][] = [];
  const workbookRels = relsPartOf(workbook.part);
  let rels = zip.get(workbookRels) ? read(workbookRels) : null;
  let relsChanged = false;
  const relIds = new Set(workbook.relationships.map((r) => r.id));
  const newRelId = () => {
    const id = freshName((x) => relIds.has(x), (i) => `rId${i}`);
    relIds.add(id);
    return id;
  };
  const partTaken = (name: string) => zip.get(name) !== undefined || added.some((p) => p.name.toLowerCase() === name.toLowerCase());

  // styles: the package's own, or a minimal one when it has none — where its relationship points, when it has one
  // whose part is missing (a second styles relationship would be written otherwise)
  const stylesRel = workbook.relationships.find((r) => r.type === "styles" && r.target && isSafeEntryName(r.target));
  const stylesEntry = stylesRel ? zip.get(stylesRel.target!) : undefined;
  let stylesPart: string;
  let stylesIsNew = false;
  if (stylesEntry) stylesPart = stylesEntry.name;
  else {
    stylesPart = stylesRel?.target ?? freshName(partTaken, (i) => (i === 1 ? "xl/styles.xml" : `xl/styles${i}.xml`));
    stylesIsNew = true;
  }
  const styles = new StylesEditor(stylesPart, stylesIsNew ? new TextEncoder().encode(MINIMAL_STYLES) : read(stylesPart));

  let writes = 0;
  // by name, once: a workbook of thousands of forms would otherwise search its sheets for each plan
  const byName = new Map<string, SheetPart>();
  for (const s of sheets) if (!byName.has(s.name)) byName.set(s.name, s);
  for (const plan of plans) {
    const sheet = byName.get(plan.sheet);
    if (!sheet) continue;
    writes += plan.writes.length;
    // the values are written, so written cells get their own mark (engine/plan/planMarks)
    const edited = editSheet(sheet.part, read(sheet.part), plan.writes, planMarks(plan, { written: true }), styles);
    if (edited) replaced.set(sheet.part.toLowerCase(), edited);
  }

  const addSheets: { name: string; relId: string; state?: SheetState }[] = [];
  const markers: NonNullable<WorkbookEdit["markers"]>[number][] = [];
  const sheetStates: { index: number; state: SheetState }[] = [];
  for (const sheet of own) {
    const c = sheet.content;
    const base = "styled" in c ? new TextEncoder().encode(restyled(c.styled.sheet, styles.importFrom(new StylesEditor("xl/styles.xml", new TextEncoder().encode(c.styled.styles))))) : c.xml;
    const sheetXml = sheet.links?.length ? withPlaceLinks(base, sheet.links) : base;
    let index: number;
    if (sheet.replaces) {
      replaced.set(sheet.replaces.part.toLowerCase(), sheetXml);
      index = workbook.sheets.findIndex((s) => s.name === sheet.replaces!.name);
      if (sheet.state && sheet.state !== workbook.sheets[index]?.state) sheetStates.push({ index, state: sheet.state });
    } else {
      const part = freshName(partTaken, (i) => `xl/worksheets/sheet${i}.xml`);
      added.push({ name: part, content: sheetXml });
      const relId = newRelId();
      relsChanged = true;
      rels = addRelationship(workbookRels, rels, { id: relId, type: WORKSHEET_TYPE, target: relativeTarget(workbook.part, part) });
      contentTypeAdds.push([part, WORKSHEET_CONTENT]);
      index = workbook.sheets.length + addSheets.length;
      addSheets.push({ name: sheet.name, relId, ...(sheet.state ? { state: sheet.state } : {}) });
    }
    if (sheet.marker) markers.push({ definedName: sheet.marker, localSheetId: index, sheetName: sheet.replaces?.name ?? sheet.name, printTitleRows: sheet.printTitleRows });
  }
  const workbookEdit: WorkbookEdit = { fullCalcOnLoad: options.fullCalcOnLoad ?? writes > 0, addSheets, markers, sheetStates };

  const stylesBytes = styles.bytes();
  if (stylesIsNew && stylesBytes) {
    // a package without styles gets one only when something here needs it
    added.push({ name: stylesPart, content: stylesBytes });
    if (!stylesRel) {
      relsChanged = true;
      rels = addRelationship(workbookRels, rels, { id: newRelId(), type: STYLES_TYPE, target: relativeTarget(workbook.part, stylesPart) });
    }
    contentTypeAdds.push([stylesPart, STYLES_CONTENT]);
  } else if (stylesBytes) replaced.set(stylesPart.toLowerCase(), stylesBytes);

  if (addSheets.length || markers.length || sheetStates.length || workbookEdit.fullCalcOnLoad) {
    const original = read(workbook.part);
    const edited = editWorkbook(workbook.part, original, workbookEdit);
    if (edited !== original) replaced.set(zip.get(workbook.part)!.name.toLowerCase(), edited);
  }
  if (rels && relsChanged) {
    if (zip.get(workbookRels)) replaced.set(zip.get(workbookRels)!.name.toLowerCase(), rels);
    else added.push({ name: workbookRels, content: rels });
  }
  if (contentTypeAdds.length) {
    let types = read("[Content_Types].xml");
    for (const [part, type] of contentTypeAdds) types = addContentType(types, part, type);
    replaced.set(zip.get("[Content_Types].xml")!.name.toLowerCase(), types);
  }

  // entries that are no part (../../x, /abs: copyNotes names them) are left out; a part copied as it is must be what its
  // CRC says, or the copy would fail `unzip -t` and Excel's repair
  const parts: OutputPart[] = zip.entries.flatMap((e): OutputPart[] => {
    if (!zip.get(e.name) || zip.get(e.name) !== e) return [];
    const content = replaced.get(e.name.toLowerCase());
    if (content) return [{ name: e.name, content }];
    if (!zip.verify(e, budget)) throw unreadable(`文件已损坏，无法生成已计分副本（部件“${e.name}”校验失败）；请用 Excel 或 WPS 打开后另存为 .xlsx 再试`);
    return [{ name: e.name, copy: e }];
  });
  const all = [...parts, ...added];
  const written = new Map(all.flatMap((p) => ("content" in p ? [[p.name, p.content] as const] : [])));
  const output = new Map<string, OutputPart>(all.map((p) => [p.name.toLowerCase(), p]));
  const inInput = (name: string) => (zip.get(name) ? read(name) : null);
  // the last look before anything is written: what this copy changed must be as Excel wants it (verifyCopy.ts)
  verifyPackage({
    written,
    names: all.map((p) => p.name),
    inputNames: zip.entries.map((e) => e.name),
    read: (name) => {
      const p = output.get(name.toLowerCase());
      return !p ? null : "content" in p ? p.content : inInput(name);
    },
    original: inInput,
    workbook: workbook.part,
    styles: stylesPart,
  });
  return writeZip(zip, all);
}

/** Why a Strict Open XML workbook gets no copy. */
export const STRICT_REFUSED = "这是 Strict Open XML 格式的工作簿，本工具只能为它出报告，不能写出副本；请另存为 Excel 工作簿（.xlsx）后再试";

/** What a copy of this package leaves out, for the user: entries that are no part of a package (none usually). */
export function copyNotes(zip: ZipArchive): string[] {
  const unsafe = zip.unsafeEntries;
  if (unsafe.length === 0) return [];
  const named = unsafe.slice(0, 5).map((e) => `“${e.name}”`).join("、") + (unsafe.length > 5 ? "等" : "");
  return [`输入文件中有 ${unsafe.length} 个不安全的压缩包条目（${named}），副本中已略去`];
}

/** `xl/worksheets/sheet3.xml` as the workbook part's relationship target (`worksheets/sheet3.xml`). */
function relativeTarget(from: string, part: string): string {
  const dir = from.slice(0, from.lastIndexOf("/") + 1);
  return part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

/**
 * A sheet's style references (cells, rows, columns) renumbered to where its styles landed in the copy's. Our sheets
 * (the 校验结果, the 汇总) have no conditional formats, so no dxf to renumber.
 */
function restyled(xml: string, map: { readonly cellStyle: (s: number) => number }): string {
  return xml
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, s: string) => `${head}${map.cellStyle(Number(s))}"`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, s: string) => `${head}${map.cellStyle(Number(s))}"`);
}

