import { tooLarge, unreadable } from "../limits";
import { count, NOT_XML_CHARACTER } from "../xmlChars";
import type { XmlLimits } from "./xmlLimits";

/**
 * A scanner for the XML of SpreadsheetML parts as spreadsheet programs write them — elements, attributes, text,
 * character and the five predefined entity references, comments, CDATA, the XML declaration — some four times faster
 * than saxes on a worksheet (issue 23): it finds markup with indexOf, checks the characters of a part with one regular
 * expression, keeps no object per element or attribute (names are interned, attribute values cut out only when asked
 * for) and hands text over as a range of the part's text.
 *
 * It reads a strict subset of XML 1.0 and checks everything it reads (names, quotes, the nesting and matching of
 * tags, duplicate attributes, entity references, what may stand outside the root, forbidden characters). Whatever lies
 * outside the subset — a DOCTYPE, a processing instruction, a name outside ASCII, XML 1.1, and every error — makes it
 * throw FALL_BACK before it reports anything more, and the caller reads the part again with saxes from its start
 * (xml.ts: readXmlPart), which gives the answer: the events of a well-formed part, or the error. So a part the scanner
 * reads gives saxes's events, and one it does not gives saxes's verdict (test/adapters/xlsx/scanXml.test.ts compares
 * the two on random parts).
 *
 * The limits (xmlLimits.ts, XmlLimits) are held where saxes holds them, with the same messages: depth and elements as a tag's
 * name is read, attributes as each is read, and the run since the last `<` on each piece of text before it is scanned.
 */

/** Thrown when a part holds what the scanner does not read itself: the part is read again with saxes. */
export const FALL_BACK: unique symbol = Symbol("read the part again with saxes");

/** A name as met in a part: its qualified form (`x:c`) and its local name (`c`), one object per distinct name. */
interface Name {
  readonly q: string;
  readonly local: string;
  readonly hash: number;
}

/** The attributes of the tag being reported; valid only during the `open` call. */
export interface ScannedAttributes {
  /** How many the tag has. */
  readonly length: number;
  /** The value of the attribute named `qname` (as written, prefix and all), entities resolved; undefined when absent. */
  get(qname: string): string | undefined;
  /** The qualified name of the i-th attribute. */
  name(i: number): string;
  /** The value of the i-th attribute. */
  value(i: number): string;
}

/** What the scanner reports; names arrive without their prefix (`x:c` → `c`). */
export interface ScanHandlers {
  open(name: string, attributes: ScannedAttributes): void;
  close(name: string): void;
  /** Text (entities resolved, line ends normalised as XML says): `source.slice(start, end)`. */
  text(source: string, start: number, end: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;

/** What an ASCII character is to the scanner: XML white space, where its names may start, in a name. */
const SPACE_CLASS = 1;
const NAME_START = 2;
const NAME_CHAR = 4;
const CLASSES = new Uint8Array(128);
for (const c of [SPACE, LF, TAB, CR]) CLASSES[c] = SPACE_CLASS;
// the ASCII letters, `_` and `:` start a name (a subset of XML's NameStartChar); digits, `-` and `.` go on one (NameChar)
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) CLASSES[c] = NAME_START | NAME_CHAR;
  else if (/[0-9.-]/.test(ch)) CLASSES[c] = NAME_CHAR;
}
const isSpace = (c: number) => c < 128 && (CLASSES[c] & SPACE_CLASS) !== 0;
const isNameStart = (c: number) => c < 128 && (CLASSES[c] & NAME_START) !== 0;
const isNameChar = (c: number) => c < 128 && (CLASSES[c] & NAME_CHAR) !== 0;

/** Characters XML 1.0 does not allow (the C0 controls but tab and line ends, U+FFFE/F) and any surrogate, checked on each piece. */
// eslint-disable-next-line no-control-regex
const ODD_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The XML declaration the scanner reads (version 1.0; saxes reads the rest: 1.1 changes which characters are allowed). */
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

/** Whether a character reference names a character XML 1.0 allows. */
const allowed = (code: number) => code === TAB || code === LF || code === CR || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/**
 * Text or an attribute value with its entity references resolved and its line ends normalised (CR LF and CR → LF;
 * in an attribute value tab, LF and CR become a space, as XML's attribute-value normalisation says — a character
 * reference stays what it names). Throws FALL_BACK on a reference the scanner does not resolve (saxes's verdict).
 */
function resolve(s: string, start: number, end: number, attribute: boolean): string {
  let out = "";
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === AMP) {
      const semi = s.indexOf(";", i + 1);
      if (semi < 0 || semi >= end) throw FALL_BACK;
      out += s.slice(from, i);
      const ref = s.slice(i + 1, semi);
      if (ref.charCodeAt(0) === 0x23) {
        const hex = ref.charCodeAt(1) === 0x78;
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) throw FALL_BACK;
        const code = parseInt(digits, hex ? 16 : 10);
        if (!allowed(code)) throw FALL_BACK;
        out += String.fromCodePoint(code);
      } else {
        const named = PREDEFINED[ref];
        if (named === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, ref)) throw FALL_BACK;
        out += named;
      }
      i = semi;
      from = semi + 1;
    } else if (c === CR || (attribute && (c === LF || c === TAB))) {
      out += s.slice(from, i) + (attribute ? " " : "\n");
      if (c === CR && s.charCodeAt(i + 1) === LF && i + 1 < end) i++;
      from = i + 1;
    }
  }
  return out + s.slice(from, end);
}

/** Whether the `length` characters at `a` are those at `b`. */
function same(s: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (s.charCodeAt(a + i) !== s.charCodeAt(b + i)) return false;
  return true;
}

/** Whether the range holds only XML white space. */
function blank(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * One part scanned as its text comes (`write` each piece, `end` after the last). Handlers are called as the markup is
 * met; a construct cut by a piece's end waits for the next piece (at most one run of the limits.run characters).
 */
export class XmlScanner implements ScannedAttributes {
  private readonly names = new Map<number, Name[]>();
  private readonly stack: Name[] = [];
  private elements = 0;
  private root: "before" | "in" | "after" = "before";
  private started = false;
  /** Text not yet scanned: the end of the last piece, cut inside a construct. */
  private rest = "";
  /** A high surrogate that ended the last piece. */
  private high = "";

  /** Names met lately, by hash: most tags find theirs here. */
  private readonly recent: (Name | undefined)[] = new Array(256);
  // the attributes of the tag being reported: where their names and values stand in `source`
  private source = "";
  private attributeCount = 0;
  private readonly nameStarts: number[] = [];
  private readonly nameEnds: number[] = [];
  private readonly valueStarts: number[] = [];
  private readonly valueEnds: number[] = [];
  /** Values with references or line ends, resolved (by index; only where `resolvedAt` holds the tag's number). */
  private readonly resolved: string[] = [];
  private readonly resolvedAt: number[] = [];
  private tag = 0;
  // where the next `&` / CR / `]]>` stands in the text scanned (-1: none; recomputed only when passed)
  private nextAmp = -1;
  private nextCr = -1;
  private nextCdataEnd = -1;

  constructor(
    private readonly part: string,
    private readonly limits: XmlLimits,
    private readonly handlers: ScanHandlers,
  ) {}

  get length(): number {
    return this.attributeCount;
  }

  get(qname: string): string | undefined {
    const s = this.source;
    const length = qname.length;
    for (let i = 0; i < this.attributeCount; i++) {
      const start = this.nameStarts[i];
      if (this.nameEnds[i] - start === length && s.startsWith(qname, start)) return this.value(i);
    }
    return undefined;
  }

  name(i: number): string {
    return this.source.slice(this.nameStarts[i], this.nameEnds[i]);
  }

  value(i: number): string {
    return this.resolvedAt[i] === this.tag ? this.resolved[i] : this.source.slice(this.valueStarts[i], this.valueEnds[i]);
  }

  /** Scan the next piece of the part's text. */
  write(text: string): void {
    let piece = this.high + text;
    this.high = "";
    // a surrogate pair cut by the piece's end waits for its other half
    const lastCode = piece.charCodeAt(piece.length - 1);
    if (lastCode >= 0xd800 && lastCode <= 0xdbff) {
      this.high = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    if (ODD_CHARACTER.test(piece) && NOT_XML_CHARACTER.test(piece)) throw FALL_BACK;
    const s = this.rest === "" ? piece : this.rest + piece;
    this.rest = "";
    const at = this.scan(s, false);
    if (at < s.length) {
      // a construct longer than a run (a comment or CDATA holding "<"): saxes reads it as it streams
      if (s.length - at > this.limits.run) throw FALL_BACK;
      this.rest = s.slice(at);
    }
  }

  /** The end of the part: everything scanned, the root closed. */
  end(): void {
    if (this.high !== "") throw FALL_BACK;
    const s = this.rest;
    this.rest = "";
    if (s !== "") this.scan(s, true);
    if (this.root !== "after") throw FALL_BACK;
  }

  /** The interned name of the range (its characters already checked; `hash` as readName made it). */
  private intern(s: string, start: number, end: number, hash: number): Name {
    const length = end - start;
    const slot = (hash ^ length) & 255;
    const hit = this.recent[slot];
    // names of up to 4 characters are told apart by their hash alone (7 bits a character)
    if (hit !== undefined && hit.hash === hash && hit.q.length === length && (length <= 4 || s.startsWith(hit.q, start))) return hit;
    const bucket = this.names.get(hash);
    let name: Name | undefined;
    if (bucket) for (const n of bucket) if (n.q.length === length && s.startsWith(n.q, start)) name = n;
    if (!name) {
      const q = s.slice(start, end);
      const colon = q.indexOf(":");
      name = { q, local: colon < 0 ? q : q.slice(colon + 1), hash };
      if (bucket) bucket.push(name);
      else this.names.set(hash, [name]);
    }
    this.recent[slot] = name;
    return name;
  }

  /**
   * Scan `s` from its start: every construct that ends within it is reported. Returns where the first one that does
   * not (cut by the piece's end) starts; at the `last` piece such a construct is an error.
   */
  private scan(s: string, last: boolean): number {
    const length = s.length;
    this.source = s;
    this.nextAmp = s.indexOf("&");
    this.nextCr = s.indexOf("\r");
    this.nextCdataEnd = s.indexOf("]]>");
    let pos = 0;
    if (!this.started) {
      if (length < 6 && !last) return 0;
      this.started = true;
      if (s.startsWith("<?xml")) {
        const m = DECLARATION.exec(s.slice(0, Math.min(length, 512)));
        if (!m) {
          if (!last && length < 512 && s.indexOf("?>") < 0) {
            this.started = false;
            return 0;
          }
          throw FALL_BACK;
        }
        pos = m[0].length;
      }
    }
    while (pos < length) {
      const lt = s.indexOf("<", pos);
      const textEnd = lt < 0 ? length : lt;
      if (textEnd > pos) {
        if (lt < 0 && !last) return pos; // the text may go on in the next piece
        this.text(s, pos, textEnd);
        pos = textEnd;
        if (lt < 0) break;
      }
      const c = s.charCodeAt(lt + 1);
      let next: number;
      if (c === SLASH) next = this.endTag(s, lt);
      else if (c === BANG) next = this.bang(s, lt);
      else if (c === QUESTION) throw FALL_BACK; // a processing instruction (saxes reads it) or a misplaced declaration
      else if (lt + 1 >= length) next = -1;
      else next = this.startTag(s, lt);
      if (next < 0) {
        if (last) throw FALL_BACK;
        return lt;
      }
      pos = next;
    }
    return length;
  }

  private text(s: string, start: number, end: number): void {
    // outside the root only white space, which no handler reads (saxes reports some of it)
    if (this.root !== "in") {
      if (!blank(s, start, end)) throw FALL_BACK;
      return;
    }
    this.passed(s, start);
    if (this.nextCdataEnd >= 0 && this.nextCdataEnd < end) throw FALL_BACK; // "]]>" in text: saxes refuses it
    if ((this.nextAmp >= 0 && this.nextAmp < end) || (this.nextCr >= 0 && this.nextCr < end)) {
      const t = resolve(s, start, end, false);
      this.handlers.text(t, 0, t.length);
    } else this.handlers.text(s, start, end);
  }

  /** Move the next-`&`/CR marks past `at`. */
  private passed(s: string, at: number): void {
    if (this.nextAmp >= 0 && this.nextAmp < at) this.nextAmp = s.indexOf("&", at);
    if (this.nextCr >= 0 && this.nextCr < at) this.nextCr = s.indexOf("\r", at);
    if (this.nextCdataEnd >= 0 && this.nextCdataEnd < at) this.nextCdataEnd = s.indexOf("]]>", at);
  }

  /** `<!--…-->` or `<![CDATA[…]]>` at `lt`; where it ends, or -1 when the piece ends first. A DOCTYPE falls back. */
  private bang(s: string, lt: number): number {
    if (s.startsWith("<!--", lt)) {
      const close = s.indexOf("--", lt + 4);
      if (close < 0) return -1;
      if (s.charCodeAt(close + 2) !== GT) {
        if (close + 2 >= s.length) return -1;
        throw FALL_BACK; // "--" inside a comment
      }
      return close + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      if (this.root !== "in") throw FALL_BACK;
      const close = s.indexOf("]]>", lt + 9);
      if (close < 0) return -1;
      let t = s.slice(lt + 9, close);
      if (t.includes("\r")) t = t.replace(/\r\n?/g, "\n");
      this.handlers.text(t, 0, t.length);
      return close + 3;
    }
    if (s.length - lt < 9 && ("<!--".startsWith(s.slice(lt)) || "<![CDATA[".startsWith(s.slice(lt)))) return -1;
    throw FALL_BACK; // a DOCTYPE (saxes refuses it with its own message) or an error
  }

  /** A name starting at `at`: where it ends and its hash, or FALL_BACK when the scanner does not read it. */
  private nameEnd = 0;
  private nameHash = 0;
  private readName(s: string, at: number): boolean {
    const c = s.charCodeAt(at);
    if (!isNameStart(c)) {
      if (at >= s.length) return false;
      throw FALL_BACK;
    }
    let hash = c;
    let i = at + 1;
    const exact = at + 4;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (!isNameChar(d)) break;
      hash = i < exact ? (hash << 7) | d : (Math.imul(hash, 31) + d) | 0;
    }
    if (i >= s.length) return false;
    this.nameEnd = i;
    this.nameHash = hash;
    return true;
  }

  /** `</name S?>` at `lt`, which must close the open element: where it ends, or -1 when the piece ends first. */
  private endTag(s: string, lt: number): number {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw FALL_BACK;
    const at = lt + 2;
    if (!s.startsWith(top.q, at)) {
      if (s.length - at < top.q.length && top.q.startsWith(s.slice(at))) return -1;
      throw FALL_BACK;
    }
    let i = at + top.q.length;
    if (i < s.length && isNameChar(s.charCodeAt(i))) throw FALL_BACK;
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) return -1;
    if (s.charCodeAt(i) !== GT) throw FALL_BACK;
    this.stack.pop();
    if (this.stack.length === 0) this.root = "after";
    this.handlers.close(top.local);
    return i + 1;
  }

  /** `<name attributes… >` or `/>` at `lt`: reported; where it ends, or -1 when the piece ends first. */
  private startTag(s: string, lt: number): number {
    if (this.root === "after") throw FALL_BACK; // a second root
    if (!this.readName(s, lt + 1)) return -1;
    const name = this.intern(s, lt + 1, this.nameEnd, this.nameHash);
    // as saxes's opentagstart: the depth and the elements are held to their limits once the name is read
    const depth = this.stack.length + 1;
    if (depth > this.limits.depth) throw unreadable(`文件结构异常，无法读取（部件“${this.part}”的元素嵌套超过 ${count(this.limits.depth)} 层）`);
    if (this.elements + 1 > this.limits.elements) throw tooLarge(`部件“${this.part}”的元素超过 ${count(this.limits.elements)} 个，超出本工具的处理上限`);
    let i = this.nameEnd;
    let n = 0;
    let seen: Set<string> | null = null;
    const length = s.length;
    for (;;) {
      // white space, then the end of the tag or an attribute (which needs the white space before it)
      const before = i;
      while (i < length && isSpace(s.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH) {
          if (i + 1 >= length) return -1;
          if (s.charCodeAt(i + 1) !== GT) throw FALL_BACK;
        }
        this.attributeCount = n;
        this.tag++;
        this.elements++;
        this.source = s;
        if (this.root === "before") this.root = "in";
        if (c === GT) {
          this.stack.push(name);
          this.handlers.open(name.local, this);
          return i + 1;
        }
        this.handlers.open(name.local, this);
        if (this.stack.length === 0) this.root = "after";
        this.handlers.close(name.local);
        return i + 2;
      }
      if (i === before) throw FALL_BACK; // no white space before an attribute
      if (!this.readName(s, i)) return -1;
      const nameStart = i;
      const nameEnd = this.nameEnd;
      i = nameEnd;
      while (i < length && isSpace(s.charCodeAt(i))) i++;
      if (i >= length) return -1;
      if (s.charCodeAt(i) !== EQ) throw FALL_BACK;
      i++;
      while (i < length && isSpace(s.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== QUOT && quote !== APOS) throw FALL_BACK;
      const start = i + 1;
      let plain = true;
      for (i = start; i < length; i++) {
        const d = s.charCodeAt(i);
        if (d === quote) break;
        if (d === LT) throw FALL_BACK;
        if (d === AMP || d === CR || d === LF || d === TAB) plain = false;
      }
      if (i >= length) return -1;
      // a duplicate attribute is an error (saxes's verdict)
      const nameLength = nameEnd - nameStart;
      if (seen) {
        const q = s.slice(nameStart, nameEnd);
        if (seen.has(q)) throw FALL_BACK;
        seen.add(q);
      } else {
        for (let k = 0; k < n; k++) {
          const at = this.nameStarts[k];
          if (this.nameEnds[k] - at === nameLength && same(s, at, nameStart, nameLength)) throw FALL_BACK;
        }
        if (n === 15) {
          seen = new Set();
          for (let k = 0; k < n; k++) seen.add(s.slice(this.nameStarts[k], this.nameEnds[k]));
          seen.add(s.slice(nameStart, nameEnd));
        }
      }
      this.nameStarts[n] = nameStart;
      this.nameEnds[n] = nameEnd;
      this.valueStarts[n] = start;
      this.valueEnds[n] = i;
      if (!plain) {
        this.resolved[n] = resolve(s, start, i, true);
        this.resolvedAt[n] = this.tag + 1;
      }
      n++;
      // as saxes's attribute event: held to the limit as each is read
      if (n > this.limits.attributes) throw unreadable(`文件结构异常，无法读取（部件“${this.part}”中一个元素的属性超过 ${count(this.limits.attributes)} 个）`);
      i++;
      const after = s.charCodeAt(i);
      if (i < length && !isSpace(after) && after !== GT && after !== SLASH) throw FALL_BACK;
    }
  }
}
