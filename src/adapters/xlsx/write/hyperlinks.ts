import { attributePrefix, ElementSpan, escapeXml, prefixOf, RELATIONSHIPS_NS, scanElements, XmlText, xstring } from "./xmlText";

/** Worksheet children that come after hyperlinks (ECMA-376 CT_Worksheet sequence). */
const AFTER_HYPERLINKS = new Set([
  "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
  "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
  "controls", "webPublishItems", "tableParts", "extLst",
]);

/** One `<hyperlink>`: a place in this workbook (`location` only) or in another file (`relId` to its address, and a `location` in it). */
export interface HyperlinkSpec {
  readonly ref: string;
  readonly location?: string;
  readonly relId?: string;
  readonly display?: string;
}

/**
 * A worksheet part with hyperlinks added in their place of the schema's sequence (after the conditional formats and
 * validations, before the print settings). A link within the workbook needs no relationship (`location`, as Excel
 * writes it); one to another file names its relationship (`r:id`, the file) and the place in it (`location`).
 */
export function withHyperlinks(part: string, bytes: Uint8Array, links: readonly HyperlinkSpec[]): Uint8Array {
  if (links.length === 0) return bytes;
  const xml = new XmlText(bytes, part);
  let root: ElementSpan | null = null;
  const top: ElementSpan[] = [];
  scanElements(part, xml, (_n, depth) => depth <= 1, (el) => (el.depth === 0 ? (root = el) : top.push(el)));
  if (!root) throw new Error(`${part}: no root element`);
  const r: ElementSpan = root;
  const existing = top.find((e) => e.name === "hyperlinks");
  // the links go into the sheet's <hyperlinks> (written with its prefix), or into one added with the root's
  const into = existing && !existing.selfClosing ? existing : null;
  const p = into ? prefixOf(into) : prefixOf(r);
  const rel = attributePrefix(into ? [r, into] : [r], RELATIONSHIPS_NS);
  const rPrefix = rel.prefix;
  const items = links
    .map((l) => {
      const a = (name: string, value: string | undefined) => (value ? `${name}="${escapeXml(value, "attribute")}"` : "");
      const attrs = [a("ref", l.ref), a(`${rPrefix}id`, l.relId), a("location", l.location), l.display ? `display="${xstring(l.display, "attribute")}"` : ""];
      return `<${p}hyperlink ${attrs.filter(Boolean).join(" ")}${l.relId ? rel.declare : ""}/>`;
    })
    .join("");
  if (into) xml.insert(xml.text.lastIndexOf("<", into.end - 1), items);
  else {
    const markup = `<${p}hyperlinks>${items}</${p}hyperlinks>`;
    if (existing) xml.replace(existing.start, existing.end, markup);
    else {
      const next = top.find((e) => AFTER_HYPERLINKS.has(e.name));
      xml.insert(next ? next.start : xml.text.lastIndexOf("<", r.end - 1), markup);
    }
  }
  return xml.bytes();
}

/** Links to places in this workbook (`'表1'!H6`), as Excel writes them: `location` only, no relationship. */
export function withPlaceLinks(bytes: Uint8Array, links: readonly { readonly ref: string; readonly location: string; readonly display?: string }[]): Uint8Array {
  return withHyperlinks("worksheet", bytes, links);
}
