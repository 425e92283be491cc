import { InflateBudget, ZipArchive } from "../zip/zipArchive";
import { readXmlPart } from "./xml";

/**
 * `_x000D_` → "\r": OOXML's escape for characters XML cannot carry (ST_Xstring); `_x005F_` escapes the underscore.
 * @example decodeXstring("a_x000D_b") //=> "a\rb"
 */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of a string item (`<si>` or a cell's `<is>`): its `<t>` and rich-text runs' `<t>` joined, without the
 * phonetic guide (`<rPh>`), as Excel shows it. Returns a collector fed by the part's events.
 */
export function stringItemCollector() {
  let depthInPhonetic = 0;
  let inText = false;
  let text = "";
  return {
    open(name: string) {
      if (name === "rPh") depthInPhonetic++;
      else if (name === "t" && depthInPhonetic === 0) inText = true;
    },
    close(name: string) {
      if (name === "rPh") depthInPhonetic--;
      else if (name === "t") inText = false;
    },
    text(t: string) {
      if (inText) text += t;
    },
    take(): string {
      const out = decodeXstring(text);
      text = "";
      inText = false;
      depthInPhonetic = 0;
      return out;
    },
  };
}

/** The shared string table, by index. */
export function readSharedStrings(zip: ZipArchive, part: string | null, budget: InflateBudget): readonly string[] {
  const entry = part ? zip.get(part) : undefined;
  if (!entry || !part) return [];
  return readXmlPart([budget], (parse) => {
    const strings: string[] = [];
    const item = stringItemCollector();
    let inItem = false;
    parse(part, (write) => zip.inflate(entry, budget, write), {
      open(name) {
        if (name === "si") inItem = true;
        else if (inItem) item.open(name);
      },
      close(name) {
        if (name === "si") {
          strings.push(item.take());
          inItem = false;
        } else if (inItem) item.close(name);
      },
      text(t, start, end) {
        if (inItem) item.text(t.slice(start, end));
      },
    });
    return strings;
  });
}
