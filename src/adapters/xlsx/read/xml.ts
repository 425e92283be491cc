import { SaxesParser } from "saxes";
import { Budget, tooLarge, unreadable, WorkbookError } from "../limits";
import { XmlDecoder } from "./encoding";
import { count } from "../xmlChars";
import { XML_LIMITS, type XmlLimits } from "./xmlLimits";
import { FALL_BACK, ScanHandlers, ScannedAttributes, XmlScanner } from "./scanXml";

/** What a pass over an XML part listens to; names arrive without their namespace prefix (`x:c` → `c`). */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export type { XmlLimits } from "./xmlLimits";
export { XML_LIMITS, PACKAGE_XML_LIMITS, STYLES_XML_LIMITS } from "./xmlLimits";

/** `x:c` → `c`: SpreadsheetML is read by local names, whatever prefix a generator bound its namespace to. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The value of an attribute by local name (`r:id` → `id`), for the few attributes that carry a prefix. */
export function attributeByLocalName(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attributes)) if (localName(k) === local) return v;
  return undefined;
}

/** Characters handed to the parser at once. */
const PIECE = 256 * 1024;

/**
 * A SaxesParser that holds a part to `limits`: depth and attributes counted as each tag opens (before the parser
 * keeps it), elements as they open, and the run since the last `<` of each piece of text before the parser sees it.
 * `write` feeds it text. A DOCTYPE is refused outright — no spreadsheet part has one, and it is where entity
 * expansion and external entities come from. Shared by the reader (parseXml) and the writer's scanner (xmlText.ts).
 */
export function boundedParser(
  part: string,
  limits: XmlLimits,
  options: { readonly position: boolean },
): { readonly parser: SaxesParser; write(text: string): void; onClose(handler: (tag: { readonly name: string }) => void): void } {
  const parser = new SaxesParser({ position: options.position });
  const odd = (why: string) => unreadable(`文件结构异常，无法读取（部件“${part}”${why}）`);
  let depth = 0;
  let elements = 0;
  let attributes = 0;
  parser.on("doctype", () => {
    throw unreadable(`文件内容不安全，已拒绝读取（部件“${part}”含有 DOCTYPE 声明）`);
  });
  parser.on("opentagstart", () => {
    if (++depth > limits.depth) throw odd(`的元素嵌套超过 ${count(limits.depth)} 层`);
    if (++elements > limits.elements) throw tooLarge(`部件“${part}”的元素超过 ${count(limits.elements)} 个，超出本工具的处理上限`);
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > limits.attributes) throw odd(`中一个元素的属性超过 ${count(limits.attributes)} 个`);
  });
  // closetag comes for a self-closing tag too; saxes keeps one handler an event, so the caller's is called from here
  let onClose: ((tag: { readonly name: string }) => void) | null = null;
  parser.on("closetag", (tag) => {
    depth--;
    onClose?.(tag);
  });
  const runs = runLimit(part, limits);
  return {
    parser,
    onClose(handler) {
      onClose = handler;
    },
    write(text: string) {
      runs(text, (piece) => parser.write(piece));
    },
  };
}

/**
 * The text of a part handed on in pieces of PIECE characters, each held first to the limit on the characters between
 * two `<` (the run since the last `<` of each piece): one slice of a zip bomb inflates to some 66 MB, and what breaks
 * a limit is met in its first piece. Both parsers (saxes and the scanner) are fed through it, so that they meet the
 * limit at the same place.
 */
function runLimit(part: string, limits: XmlLimits): (text: string, write: (piece: string) => void) => void {
  let run = 0;
  return (text, write) => {
    for (let at = 0; at < text.length; at += PIECE) {
      const piece = at === 0 && text.length <= PIECE ? text : text.slice(at, at + PIECE);
      if (run + piece.length <= limits.run) {
        // no run in this piece can pass the limit: only where the last one stands matters (the common case)
        const lt = piece.lastIndexOf("<");
        run = lt < 0 ? run + piece.length : piece.length - lt - 1;
      } else {
        let from = 0;
        for (let lt = piece.indexOf("<"); lt >= 0; lt = piece.indexOf("<", from)) {
          if (run + lt - from > limits.run) break;
          run = 0;
          from = lt + 1;
        }
        run += piece.length - from;
      }
      if (run > limits.run) throw tooLarge(`部件“${part}”中有一段文字或标记长于 ${count(limits.run)} 个字符，超出本工具的处理上限`);
      write(piece);
    }
  };
}

/**
 * Parse one XML part fed in chunks (saxes: strict, streaming, no DTD) under `limits`, decoded as its bytes say (a
 * UTF-8 byte-order mark read past, UTF-16 read, another encoding refused by name: read/encoding.ts). Editing a part in
 * place, with byte positions, is write/xmlText.ts.
 */
export function parseXml(part: string, feed: (write: (chunk: Uint8Array) => void) => void, handlers: XmlHandlers, limits: XmlLimits = XML_LIMITS): void {
  const { parser, write, onClose } = boundedParser(part, limits, { position: false });
  const decoder = new XmlDecoder(part);
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    onClose((tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  try {
    feed((chunk) => write(decoder.push(chunk)));
    write(decoder.end());
    parser.close();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw unreadable(`文件已损坏，无法读取（部件“${part}”的内容不是有效的 XML）`);
  }
}

/** A part's reader: feeds the part's bytes (`feed`) through a parser to `handlers`, under `limits`. */
export type PartParser = (part: string, feed: (write: (chunk: Uint8Array) => void) => void, handlers: ScanHandlers, limits?: XmlLimits) => void;

/** A part read by the scanner (scanXml.ts), decoded and held to its limits as parseXml's; throws FALL_BACK where saxes must read it. */
export const scanPart: PartParser = (part, feed, handlers, limits = XML_LIMITS) => {
  const scanner = new XmlScanner(part, limits, handlers);
  const decoder = new XmlDecoder(part);
  const runs = runLimit(part, limits);
  const write = (piece: string) => scanner.write(piece);
  try {
    feed((chunk) => runs(decoder.push(chunk), write));
    runs(decoder.end(), write);
    scanner.end();
  } catch (e) {
    if (e === FALL_BACK || e instanceof WorkbookError) throw e;
    throw unreadable(`文件已损坏，无法读取（部件“${part}”的内容不是有效的 XML）`);
  }
};

/** A record of saxes's attributes as the scanner hands them over. */
class RecordAttributes implements ScannedAttributes {
  private names: string[] | null = null;
  constructor(private readonly record: Readonly<Record<string, string>>) {}
  get length(): number {
    return this.keys().length;
  }
  get(qname: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.record, qname) ? this.record[qname] : undefined;
  }
  name(i: number): string {
    return this.keys()[i];
  }
  value(i: number): string {
    return this.record[this.keys()[i]];
  }
  private keys(): string[] {
    return (this.names ??= Object.keys(this.record));
  }
}

/** A part read by saxes (parseXml), its events handed over as the scanner's. */
export const saxesPart: PartParser = (part, feed, handlers, limits = XML_LIMITS) =>
  parseXml(
    part,
    feed,
    {
      open: (name, attributes) => handlers.open(name, new RecordAttributes(attributes)),
      close: (name) => handlers.close(name),
      text: (t) => handlers.text(t, 0, t.length),
    },
    limits,
  );

/**
 * Read a part with the scanner, or, when it holds what the scanner does not read (anything outside its subset of XML,
 * and every error), again from its start with saxes, which gives the verdict. `read` does the whole reading of the
 * part with the parser it is given, starting from nothing each time; the budgets it charges are set back to where
 * they were before the second reading.
 */
export function readXmlPart<T>(budgets: readonly Budget[], read: (parse: PartParser) => T): T {
  const saved: [Budget, number][] = [];
  for (const budget of budgets) for (let b: Budget | undefined = budget; b; b = b.parent) saved.push([b, b.remaining]);
  try {
    return read(scanPart);
  } catch (e) {
    if (e !== FALL_BACK) throw e;
    for (const [b, remaining] of saved) b.remaining = remaining;
    return read(saxesPart);
  }
}
