import { escapeXml, scanElements, XmlText, ElementSpan } from "./xmlText";

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

function prefixOf(el: ElementSpan): string {
  return el.qualifiedName.includes(":") ? el.qualifiedName.slice(0, el.qualifiedName.indexOf(":") + 1) : "";
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
    const relAttr = Object.keys(sheetEls[0]?.attributes ?? {}).find((k) => k.endsWith(":id")) ?? "r:id";
    const declare = relAttr === "r:id" && !/xmlns:r=/.test(xml.text.slice(root.start, root.openEnd)) ? ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' : "";
    const markup = added
      .map((s, i) => `<${p}sheet name="${escapeXml(s.name)}" sheetId="${maxId + 1 + i}"${s.state && s.state !== "visible" ? ` state="${s.state}"` : ""} ${relAttr}="${s.relId}"${declare}/>`)
      .join("");
    appendChildren(xml, sheets, markup);
  }
  const names = top.find((e) => e.name === "definedNames");
  const wanted: string[] = [];
  for (const m of edit.markers ?? []) {
    const has = (name: string) => children.some((c) => c.name === "definedName" && c.attributes.name === name && Number(c.attributes.localSheetId) === m.localSheetId);
    const sheetRef = `'${m.sheetName.replace(/'/g, "''")}'`;
    if (!has(m.definedName)) wanted.push(`<${p}definedName name="${m.definedName}" localSheetId="${m.localSheetId}" hidden="1">${escapeXml(`${sheetRef}!$A$1`)}</${p}definedName>`);
    // the rows printed on every page of our sheet (Excel keeps print titles as this built-in name)
    if (m.printTitleRows && !has("_xlnm.Print_Titles")) wanted.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${m.localSheetId}">${escapeXml(`${sheetRef}!${m.printTitleRows}`)}</${p}definedName>`);
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

/** A relationship added to a .rels part (created when the part has none). */
export function addRelationship(part: string, bytes: Uint8Array | null, rel: { readonly id: string; readonly type: string; readonly target: string }): Uint8Array {
  const markup = `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  if (!bytes) return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${markup}</Relationships>`);
  const xml = new XmlText(bytes, part);
  const { root } = scanTop(part, xml, () => false);
  appendChildren(xml, root, markup);
  return xml.bytes();
}

/** An Override added to [Content_Types].xml. */
export function addContentType(bytes: Uint8Array, partName: string, contentType: string): Uint8Array {
  const xml = new XmlText(bytes, "[Content_Types].xml");
  const { root } = scanTop("[Content_Types].xml", xml, () => false);
  appendChildren(xml, root, `<Override PartName="/${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`);
  return xml.bytes();
}
