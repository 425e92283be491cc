import { unreadable, WorkbookError } from "../limits";
import { asUtf8 } from "../read/encoding";
import { boundedParser, localName, XML_LIMITS } from "../read/xml";
import { concatBytes } from "../zip/concatBytes";
import { NOT_XML_CHARACTER } from "../xmlChars";

/**
 * An XML part held as a latin1 string — one character per byte — so that positions are byte offsets and every
 * byte not replaced is written back exactly as it was (UTF-8 text included). Edits are splices; inserted text is
 * UTF-8 encoded first. A UTF-8 byte-order mark stays where it is (the markup starts after it: `start`); a UTF-16 part
 * is re-encoded as UTF-8 first (read/encoding.ts), so a part the writer changes is always UTF-8.
 */
export class XmlText {
  readonly text: string;
  /** The bytes the positions refer to: the part's own, or its UTF-8 re-encoding. */
  readonly original: Uint8Array;
  /** Where the markup starts: after a UTF-8 byte-order mark, 0 otherwise. */
  readonly start: number;
  /** The part was UTF-16 and is written as UTF-8 (so it changes even when nothing else does). */
  readonly transcoded: boolean;
  private readonly splices: { start: number; end: number; insert: string }[] = [];

  constructor(bytes: Uint8Array, part = "") {
    const utf8 = asUtf8(part, bytes);
    this.original = utf8.bytes;
    this.start = utf8.bom;
    this.transcoded = utf8.transcoded;
    this.text = new TextDecoder("latin1").decode(utf8.bytes);
    // windows-1252 (what "latin1" means to TextDecoder) maps 0x80–0x9f elsewhere: count on one character a byte only
  }

  /** Replace [start, end) with `insert` (markup as a normal string). Splices must not overlap. */
  replace(start: number, end: number, insert: string): void {
    this.splices.push({ start, end, insert: toLatin1(insert) });
  }

  insert(at: number, insert: string): void {
    this.replace(at, at, insert);
  }

  /** Replace with text that is already one character a byte (a slice of another XmlText). */
  replaceRaw(start: number, end: number, raw: string): void {
    this.splices.push({ start, end, insert: raw });
  }

  get changed(): boolean {
    return this.splices.length > 0;
  }

  /** The edited bytes: untouched ranges copied from the part's bytes (`original`), splices in between. */
  bytes(): Uint8Array {
    const original = this.original;
    const sorted = [...this.splices].sort((a, b) => a.start - b.start || a.end - b.end);
    const parts: Uint8Array[] = [];
    let at = 0;
    for (const s of sorted) {
      if (s.start < at) throw new Error("overlapping XML edits");
      parts.push(original.subarray(at, s.start), latin1Bytes(s.insert));
      at = s.end;
    }
    parts.push(original.subarray(at));
    return concatBytes(parts);
  }
}

/** UTF-8 bytes of a string, as a string of one character per byte (what replaceRaw takes). */
export function toLatin1(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const bytes = new TextEncoder().encode(s);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** An element seen by `scanElements`, with its byte range. */
export interface ElementSpan {
  readonly name: string;
  /** With its prefix (`x:c`), for writing siblings the same way. */
  readonly qualifiedName: string;
  readonly depth: number;
  readonly attributes: Readonly<Record<string, string>>;
  /** Index of `<`. */
  readonly start: number;
  /** Index just past the open tag's `>`. */
  readonly openEnd: number;
  /** Index just past the element's end (`</x>` or `/>`). */
  end: number;
  readonly selfClosing: boolean;
  /** Text content, when asked for. */
  text: string;
}

/**
 * Walk the elements of a part held as XmlText, handing each (with its byte range) to `visit` when it closes;
 * `keep(name, depth)` says which ones to record (a sheet has millions of cells: record only what an edit needs).
 * Text is collected for recorded elements only.
 */
export function scanElements(
  part: string,
  xml: XmlText,
  keep: (name: string, depth: number, attributes: Readonly<Record<string, string>>) => boolean,
  visit: (element: ElementSpan, parents: readonly (ElementSpan | null)[]) => void,
): void {
  // the writer meets the parts the reader has read, under the same limits
  const { parser, write, onClose } = boundedParser(part, XML_LIMITS, { position: true });
  const text = xml.text;
  const offset = xml.start;
  const stack: (ElementSpan | null)[] = [];
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    const depth = stack.length;
    const attributes = tag.attributes as Record<string, string>;
    if (!keep(name, depth, attributes)) {
      stack.push(null);
      return;
    }
    const openEnd = offset + parser.position;
    const start = text.lastIndexOf("<", openEnd - 1);
    stack.push({ name, qualifiedName: tag.name, depth, attributes, start, openEnd, end: openEnd, selfClosing: tag.isSelfClosing, text: "" });
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  onClose(() => {
    const el = stack.pop();
    if (!el) return;
    el.end = offset + parser.position;
    visit(el, stack);
  });
  try {
    write(offset ? text.slice(offset) : text);
    parser.close();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw unreadable(`文件已损坏，无法写出副本（部件“${part}”的内容不是有效的 XML）`);
  }
}

/** The relationships namespace (transitional): `r:id` and friends. */
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An element's own prefix with its colon (`x:`), or "" when it has none: what its new children are written with. */
export function prefixOf(el: ElementSpan): string {
  const colon = el.qualifiedName.indexOf(":");
  return colon < 0 ? "" : el.qualifiedName.slice(0, colon + 1);
}

/**
 * The namespace prefixes in scope inside the last of `elements` (each the parent of the next, outermost first):
 * prefix → URI, as their `xmlns:…` declarations say (the default namespace under "").
 */
export function namespacesInScope(elements: readonly ElementSpan[]): Map<string, string> {
  const scope = new Map<string, string>();
  for (const el of elements) {
    for (const [name, value] of Object.entries(el.attributes)) {
      if (name === "xmlns") scope.set("", value);
      else if (name.startsWith("xmlns:")) scope.set(name.slice(6), value);
    }
  }
  return scope;
}

/**
 * How an element added inside the last of `elements` writes an attribute of namespace `uri` (`r:id`): with a prefix
 * already bound to it there (`r:`, `d2p1:`…), or with `r:` declared on the element itself (` xmlns:r="…"`) — never a
 * prefix copied from a sibling that declared it for itself.
 */
export function attributePrefix(elements: readonly ElementSpan[], uri: string, preferred = "r"): { readonly prefix: string; readonly declare: string } {
  const scope = namespacesInScope(elements);
  if (scope.get(preferred) === uri) return { prefix: `${preferred}:`, declare: "" };
  for (const [prefix, bound] of scope) if (prefix !== "" && bound === uri) return { prefix: `${prefix}:`, declare: "" };
  return { prefix: `${preferred}:`, declare: ` xmlns:${preferred}="${escapeXml(uri, "attribute")}"` };
}

/** Every character XML 1.0 does not allow (xmlChars.ts), to leave out. */
const NOT_XML = new RegExp(NOT_XML_CHARACTER.source, "g");

/** Text without what XML cannot hold (a control character typed or pasted into a cell): dropped, the rest kept. */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML, "");
}

const IN_TEXT: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;" };
const IN_ATTRIBUTE: Readonly<Record<string, string>> = { ...IN_TEXT, "\n": "&#10;", "\t": "&#9;" };

/**
 * The one way a string goes into the XML we write — a cell's text, a sheet name, a hyperlink's display, a relationship
 * target, a number format: what XML 1.0 cannot hold left out (a control character decoded from `_x0001_`, a file name
 * with \x01), markup characters escaped, a carriage return kept as a reference (a parser turns a raw one into \n); in
 * an attribute, line breaks and tabs too (a parser turns raw ones into spaces there).
 * @example escapeXml('a<b & "c"\u0001') //=> "a&lt;b &amp; &quot;c&quot;"
 */
export function escapeXml(s: string, where: "text" | "attribute" = "text"): string {
  const map = where === "attribute" ? IN_ATTRIBUTE : IN_TEXT;
  return xmlChars(s).replace(where === "attribute" ? /[&<>"\r\n\t]/g : /[&<>"\r]/g, (c) => map[c]);
}

/**
 * Text for an ST_Xstring (a cell's `<t>`, a hyperlink's display): `_xHHHH_` is how such text carries a character XML
 * cannot, so a literal `_x0041_` must keep its underscore escaped (`_x005F_x0041_`) or Excel reads an A. Then escapeXml.
 * @example xstring("_x0041_") //=> "_x005F_x0041_"
 */
export function xstring(s: string, where: "text" | "attribute" = "text"): string {
  return escapeXml(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"), where);
}

/** A cell holding text as an inline string (the package's string table left alone), with its style when given. */
export function inlineStringCell(ref: string, text: string, style?: number): string {
  return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">${xstring(text)}</t></is></c>`;
}
