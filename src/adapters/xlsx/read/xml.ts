import { SaxesParser } from "saxes";
import { unreadable, WorkbookError } from "../limits";

/** What a pass over an XML part listens to; names arrive without their namespace prefix (`x:c` → `c`). */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
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
 * spreadsheet part has one, and it is where entity expansion and external entities come from. (Editing a part in
 * place, with byte positions, is write/xmlText.ts.)
 */
export function parseXml(part: string, feed: (write: (chunk: Uint8Array) => void) => void, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  const decoder = new TextDecoder("utf-8");
  parser.on("doctype", () => {
    throw unreadable(`文件内容不安全，已拒绝读取（部件“${part}”含有 DOCTYPE 声明）`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
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
