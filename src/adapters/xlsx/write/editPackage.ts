import { attributePrefix, escapeXml, ElementSpan, prefixOf, RELATIONSHIPS_NS, scanElements, XmlText } from "./xmlText";

/** CT_Workbook's children that come after definedNames (and calcPr after definedNames). */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

function scanTop(part: string, xml: XmlText, deeper: (name: string) => boolean): { root: ElementSpan; top: ElementSpan[]; children: ElementSpan[] } {
  let root: ElementSpan | null = null;
  const top: ElementSpan[] = [];
  const children: ElementSpan[] = [];
  scanElements(
    part,
    xml,
    (name, depth) => depth <= 1 || (depth === 2 && deeper(name)),
    (el) => {
      if (el.depth === 0) root = el;
      else if (el.depth === 1) top.push(el);
      else children.push(el);
    },
  );
  if (!root) throw new Error(`${part}: no root element`);
  return { root, top, children };
}

/** Insert children before the closing tag of `el` (opening it up when it is self-closing). */
function appendChildren(xml: XmlText, el: ElementSpan, markup: string): void {
  if (el.selfClosing) xml.replace(el.start, el.end, `${xml.text.slice(el.start, el.openEnd).replace(/\s*\/>$/, ">")}${markup}</${el.qualifiedName}>`);
  else xml.insert(xml.text.lastIndexOf("<", el.end - 1), markup);
}

export interface WorkbookEdit {
  /** Sheets to add at the end of the tab order, in this order. */
  readonly addSheets?: readonly { readonly name: string; readonly relId: string; readonly state?: SheetState }[];
  /** Mark the sheets at these indexes (tab order, after the additions) as ours: a hidden defined name scoped to each. */
  readonly markers?: readonly { readonly definedName: string; readonly localSheetId: number; readonly sheetName: string; readonly printTitleRows?: string }[];
  /** Set the state of existing sheets (by index in tab order): the store sheet is very hidden whatever it was. */
  readonly sheetStates?: readonly { readonly index: number; readonly state: SheetState }[];
  /** Ask for a full recalculation when the file is opened (written cells may feed formulas). */
  readonly fullCalcOnLoad: boolean;
}

/** A sheet's visibility in workbook.xml (CT_Sheet/@state); veryHidden sheets cannot be unhidden from Excel's menus. */
export type SheetState = "visible" | "hidden" | "veryHidden";

/** An open tag with one attribute set (added after the element name when missing). */
function withAttribute(open: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  return re.test(open) ? open.replace(re, ` ${name}="${value}"`) : open.replace(/^(<[^\s/>]+)/, `$1 ${name}="${value}"`);
}

/** workbook.xml with sheets added, our markers, sheet states and calcPr fullCalcOnLoad; every other byte kept. */
export function editWorkbook(part: string, bytes: Uint8Array, edit: WorkbookEdit): Uint8Array {
  const xml = new XmlText(bytes, part);
  const { root, top, children } = scanTop(part, xml, (n) => n === "sheet" || n === "definedName" || n === "workbookView");
  const p = prefixOf(root);
  const sheets = top.find((e) => e.name === "sheets");
  const sheetEls = children.filter((c) => c.name === "sheet");
  const hiddenAfter = new Set<number>();
  for (const { index, state } of edit.sheetStates ?? []) {
    const el = sheetEls[index];
    if (!el) continue;
    if (state !== "visible") hiddenAfter.add(index);
    const open = xml.text.slice(el.start, el.openEnd);
    const changed = state === "visible" ? open.replace(/\sstate="[^"]*"/, "") : withAttribute(open, "state", state);
    // raw: the tag is the part's own bytes (a sheet name in UTF-8), not text to encode
    if (changed !== open) xml.replaceRaw(el.start, el.openEnd, changed);
  }
  if (hiddenAfter.size > 0) {
    // a hidden sheet cannot be the active one: Excel shows the first visible sheet instead
    const view = children.find((c) => c.name === "workbookView");
    const visible = sheetEls.findIndex((el, i) => !hiddenAfter.has(i) && (el.attributes.state ?? "visible") === "visible");
    if (view && visible >= 0) {
      const open = xml.text.slice(view.start, view.openEnd);
      let changed = open;
      if (hiddenAfter.has(Number(view.attributes.activeTab ?? 0))) changed = withAttribute(changed, "activeTab", String(visible));
      if (hiddenAfter.has(Number(view.attributes.firstSheet ?? 0))) changed = withAttribute(changed, "firstSheet", String(visible));
      if (changed !== open) xml.replaceRaw(view.start, view.openEnd, changed);
    }
  }
  const added = edit.addSheets ?? [];
  if (added.length > 0 && sheets) {
    const maxId = Math.max(0, ...sheetEls.map((s) => Number(s.attributes.sheetId) || 0));
    // written as <sheets> writes its children, the relationship attribute with a prefix bound where it goes (a
    // prefix the other <sheet>s declared on themselves is not in scope there: r, declared on the element if need be)
    const sp = prefixOf(sheets);
    const rel = attributePrefix([root, sheets], RELATIONSHIPS_NS);
    const markup = added
      .map((s, i) => `<${sp}sheet name="${escapeXml(s.name, "attribute")}" sheetId="${maxId + 1 + i}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} ${rel.prefix}id="${escapeXml(s.relId, "attribute")}"${rel.declare}/>`)
      .join("");
    appendChildren(xml, sheets, markup);
  }
  const names = top.find((e) => e.name === "definedNames");
  const np = names ? prefixOf(names) : p;
  const wanted: string[] = [];
  for (const m of edit.markers ?? []) {
    const has = (name: string) => children.some((c) => c.name === "definedName" && c.attributes.name === name && Number(c.attributes.localSheetId) === m.localSheetId);
    const sheetRef = `'${m.sheetName.replace(/'/g, "''")}'`;
    if (!has(m.definedName)) wanted.push(`<${np}definedName name="${escapeXml(m.definedName, "attribute")}" localSheetId="${m.localSheetId}" hidden="1">${escapeXml(`${sheetRef}!$A$1`)}</${np}definedName>`);
    // the rows printed on every page of our sheet (Excel keeps print titles as this built-in name)
    if (m.printTitleRows && !has("_xlnm.Print_Titles")) wanted.push(`<${np}definedName name="_xlnm.Print_Titles" localSheetId="${m.localSheetId}">${escapeXml(`${sheetRef}!${m.printTitleRows}`)}</${np}definedName>`);
  }
  if (wanted.length > 0) {
    const markup = wanted.join("");
    if (names) appendChildren(xml, names, markup);
    else {
      const next = top.find((e) => AFTER_DEFINED_NAMES.includes(e.name));
      xml.insert(next ? next.start : xml.text.lastIndexOf("<", root.end - 1), `<${p}definedNames>${markup}</${p}definedNames>`);
    }
  }
  if (edit.fullCalcOnLoad) {
    const calc = top.find((e) => e.name === "calcPr");
    if (calc) {
      const open = xml.text.slice(calc.start, calc.openEnd);
      if (!/\sfullCalcOnLoad="(1|true)"/.test(open)) xml.replaceRaw(calc.start, calc.openEnd, withAttribute(open, "fullCalcOnLoad", "1"));
    } else {
      const next = top.find((e) => AFTER_CALC_PR.includes(e.name));
      xml.insert(next ? next.start : xml.text.lastIndexOf("<", root.end - 1), `<${p}calcPr fullCalcOnLoad="1"/>`);
    }
  }
  return xml.changed ? xml.bytes() : bytes;
}

/**
 * A relationship added to a .rels part (created when the part has none) — unless one of the same type and target is
 * there already: a relationship is never written twice.
 */
export function addRelationship(part: string, bytes: Uint8Array | null, rel: { readonly id: string; readonly type: string; readonly target: string }): Uint8Array {
  const markup = (p: string) => `<${p}Relationship Id="${escapeXml(rel.id, "attribute")}" Type="${escapeXml(rel.type, "attribute")}" Target="${escapeXml(rel.target, "attribute")}"/>`;
  if (!bytes) return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${markup("")}</Relationships>`);
  const xml = new XmlText(bytes, part);
  const { root, top } = scanTop(part, xml, () => false);
  if (top.some((r) => r.name === "Relationship" && r.attributes.Type === rel.type && r.attributes.Target === rel.target && r.attributes.TargetMode !== "External")) return bytes;
  appendChildren(xml, root, markup(prefixOf(root)));
  return xml.bytes();
}

/**
 * [Content_Types].xml with the part's content type: an Override added, or the one listed for it (a part that went
 * missing) set to this type — never a second Override for one part name (names compare without case, OPC §6.2.2.3).
 */
export function addContentType(bytes: Uint8Array, partName: string, contentType: string): Uint8Array {
  const xml = new XmlText(bytes, "[Content_Types].xml");
  const { root, top } = scanTop("[Content_Types].xml", xml, () => false);
  const name = `/${partName}`.toLowerCase();
  const listed = top.find((e) => e.name === "Override" && (e.attributes.PartName ?? "").toLowerCase() === name);
  if (listed) {
    if (listed.attributes.ContentType === contentType) return bytes;
    xml.replace(listed.start, listed.end, `<${listed.qualifiedName} PartName="${escapeXml(listed.attributes.PartName, "attribute")}" ContentType="${escapeXml(contentType, "attribute")}"/>`);
    return xml.bytes();
  }
  appendChildren(xml, root, `<${prefixOf(root)}Override PartName="/${escapeXml(partName, "attribute")}" ContentType="${escapeXml(contentType, "attribute")}"/>`);
  return xml.bytes();
}
