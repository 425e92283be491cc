import { unreadable } from "../limits";
import { InflateBudget, ZipArchive, ZipEntry } from "../zip/zipArchive";
import { xsdInteger } from "./numbers";
import { attributeByLocalName, PACKAGE_XML_LIMITS, parseXml } from "./xml";

/** A relationship of a package part (`_rels/…rels`): its id, type (the last path segment) and target part. */
export interface Relationship {
  readonly id: string;
  /** `worksheet`, `styles`, `sharedStrings`, `officeDocument`… (transitional and strict URIs alike). */
  readonly type: string;
  /** The target part's name, resolved against the source part (no leading "/"); null for an external target. */
  readonly target: string | null;
  /** Its type is a Strict Open XML one (http://purl.oclc.org/ooxml/…). */
  readonly strict: boolean;
}

/** One sheet of workbook.xml, in tab order. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly relId: string;
  /** The sheet's part (xl/worksheets/sheet1.xml), null when the relationship is missing. */
  readonly part: string | null;
  /** worksheet, chartsheet, dialogsheet, macrosheet… */
  readonly kind: string;
  /** visible, hidden or veryHidden (workbook.xml's state; hidden sheets are read like the others). */
  readonly state: string;
}

export interface DefinedName {
  readonly name: string;
  /** Index into the sheets when the name belongs to one sheet. */
  readonly localSheetId?: number;
  readonly text: string;
}

export interface WorkbookPart {
  readonly part: string;
  /**
   * Strict Open XML (ISO/IEC 29500 strict: its own namespaces and relationship types). Read like the transitional
   * form; a copy of it is refused (scoredCopy), since what the writer adds is transitional.
   */
  readonly strict: boolean;
  readonly contentType: string;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly definedNames: readonly DefinedName[];
  readonly relationships: readonly Relationship[];
}

/** Content types of a spreadsheet's main part that this reader understands (.xlsx, .xlsm, .xltx, .xltm). */
const READABLE_MAIN = /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml)$/;
const XLSB_MAIN = "application/vnd.ms-excel.sheet.binary.macroEnabled.main";
/** Where Strict Open XML's namespaces and relationship types start. */
const STRICT_URI = "http://purl.oclc.org/ooxml/";
export const SAVE_AS_XLSX = "请用 Excel 或 WPS 另存为 .xlsx 后再试";

/**
 * The bytes one part of the package's own may inflate to ([Content_Types].xml, relationships, workbook.xml): a workbook
 * of 20,000 forms has some 3 MB there. Each of their elements is kept as an object, so they get a limit of their own.
 */
export const PACKAGE_PART_BYTES = 32 * 1024 * 1024;

/** Read a small XML part whole (package metadata), counted against its own limit and the workbook's budget. */
function small(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): (write: (chunk: Uint8Array) => void) => void {
  const own: InflateBudget = { remaining: PACKAGE_PART_BYTES, limit: PACKAGE_PART_BYTES, parent: budget, what: `部件“${entry.name}”` };
  return (write) => zip.inflate(entry, own, write);
}

/** `../media/a.png` against `xl/worksheets/sheet1.xml` → `xl/media/a.png`; `/xl/x.xml` stays absolute. */
export function resolvePartName(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = source.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** The rels part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readRelationships(zip: ZipArchive, source: string, budget: InflateBudget): Relationship[] {
  const relsName = source === "" ? "_rels/.rels" : relsPartOf(source);
  const entry = zip.get(relsName);
  if (!entry) return [];
  const out: Relationship[] = [];
  parseXml(relsName, small(zip, entry, budget), {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Type) return;
      const external = a.TargetMode === "External";
      const type = a.Type.slice(a.Type.lastIndexOf("/") + 1);
      out.push({ id: a.Id, type, target: external || a.Target === undefined ? null : resolvePartName(source === "" ? "" : source, a.Target), strict: a.Type.startsWith(STRICT_URI) });
    },
  }, PACKAGE_XML_LIMITS);
  return out;
}

/** `[Content_Types].xml`: the content type of each part (overrides, then defaults by extension). */
export function readContentTypes(zip: ZipArchive, budget: InflateBudget): (part: string) => string | undefined {
  const entry = zip.get("[Content_Types].xml");
  if (!entry) throw notSpreadsheet(zip);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml("[Content_Types].xml", small(zip, entry, budget), {
    open(name, a) {
      if (name === "Default" && a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
      if (name === "Override" && a.PartName && a.ContentType) overrides.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType);
    },
  }, PACKAGE_XML_LIMITS);
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
}

/** A zip that is no .xlsx: say what it is when we can tell (.ods, .docx…). */
function notSpreadsheet(zip: ZipArchive): Error {
  const mimetype = zip.get("mimetype");
  if (mimetype && mimetype.method === 0) {
    const type = new TextDecoder().decode(zip.raw(mimetype)).trim();
    if (type === "application/vnd.oasis.opendocument.spreadsheet") return unreadable(`这是 OpenDocument 表格（.ods），不是 .xlsx，${SAVE_AS_XLSX}`);
    return unreadable(`这是 OpenDocument 文件（${type}），不是 Excel 工作簿`);
  }
  if (zip.get("word/document.xml")) return unreadable("这是 Word 文档，不是 Excel 工作簿");
  if (zip.get("ppt/presentation.xml")) return unreadable("这是 PowerPoint 演示文稿，不是 Excel 工作簿");
  return unreadable("不是 Excel 工作簿（压缩包中没有工作簿内容）");
}

/** The workbook part: its sheets (with their parts), 1904 date system, defined names and relationships. */
export function readWorkbookPart(zip: ZipArchive, budget: InflateBudget): WorkbookPart {
  const contentType = readContentTypes(zip, budget);
  const main = readRelationships(zip, "", budget).find((r) => r.type === "officeDocument" && r.target !== null);
  const part = main?.target ?? "xl/workbook.xml";
  const entry = zip.get(part);
  if (!entry) throw notSpreadsheet(zip);
  const type = contentType(part) ?? "";
  if (type === XLSB_MAIN) throw unreadable(`这是二进制工作簿（.xlsb），${SAVE_AS_XLSX}`);
  if (!READABLE_MAIN.test(type)) throw notSpreadsheet(zip);
  const relationships = readRelationships(zip, part, budget);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let strict = main?.strict ?? false;
  let name: { name: string; localSheetId?: number; text: string } | null = null;
  parseXml(part, small(zip, entry, budget), {
    open(tag, a) {
      if (tag === "workbook") {
        strict ||= a.conformance === "strict" || Object.entries(a).some(([k, v]) => (k === "xmlns" || k.startsWith("xmlns:")) && v.startsWith(STRICT_URI) && v.endsWith("/spreadsheetml/main"));
      } else if (tag === "sheet") {
        const relId = attributeByLocalName(a, "id") ?? "";
        const rel = byId.get(relId);
        sheets.push({ name: a.name ?? "", sheetId: a.sheetId ?? "", relId, part: rel?.target ?? null, kind: rel?.type ?? "worksheet", state: a.state ?? "visible" });
      } else if (tag === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
      } else if (tag === "definedName") {
        name = { name: a.name ?? "", text: "", ...(a.localSheetId !== undefined ? { localSheetId: xsdInteger(a.localSheetId) } : {}) };
      }
    },
    text(t) {
      if (name) name.text += t;
    },
    close(tag) {
      if (tag === "definedName" && name) {
        definedNames.push(name);
        name = null;
      }
    },
  }, PACKAGE_XML_LIMITS);
  return { part, strict, contentType: type, sheets, date1904, definedNames, relationships };
}
