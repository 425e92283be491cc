import { SaxesParser } from "saxes";
import { unreadable, WorkbookError } from "../limits";

/** What a pass over an XML part listens to; names arrive without their namespace prefix (`x:c` → `c`). */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>, parser: XmlPosition): void;
  close?(name: string, parser: XmlPosition): void;
  text?(text: string): void;
}

/** Where the parser is: the index just past the markup it reported (a byte index when fed as latin1). */
export interface XmlPosition {
  readonly position: number;
}

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

/**
 * Parse one XML part fed in chunks (saxes: strict, streaming, no DTD). A DOCTYPE is refused outright — no
 * spreadsheet part has one, and it is where entity expansion and external entities come from. `latin1` decodes
 * byte for byte, so that positions are byte offsets (for editing a part in place); text is then not UTF-8 decoded.
 */
export function parseXml(part: string, feed: (write: (chunk: Uint8Array) => void) => void, handlers: XmlHandlers, options: { latin1?: boolean } = {}): void {
  const parser = new SaxesParser({ position: true });
  const decoder = new TextDecoder(options.latin1 ? "latin1" : "utf-8");
  parser.on("doctype", () => {
    throw unreadable(`文件内容不安全，已拒绝读取（部件“${part}”含有 DOCTYPE 声明）`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>, parser));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name), parser));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  try {
    feed((chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw unreadable(`文件已损坏，无法读取（部件“${part}”的内容不是有效的 XML）`);
  }
}
