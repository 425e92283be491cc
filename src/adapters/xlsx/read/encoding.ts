import { unreadable } from "../limits";

/**
 * The character encoding of an XML part. OPC allows UTF-8 and UTF-16 only, and says a reader shall enforce it
 * (ECMA-376 part 2, §8.1.4, M1.17): UTF-8 with or without a byte-order mark (what .NET writers put first), UTF-16 in
 * either byte order, told by its mark or, without one, by `<?` in two bytes (XML 1.0, appendix F). Anything else —
 * a declaration naming GBK, bytes that are no UTF-8 — is refused, naming what was found.
 */
export type XmlEncoding = "utf-8" | "utf-16le" | "utf-16be";

const SAVE_AS = "请用 Excel 或 WPS 另存为 .xlsx 后再试";

/** The encoding the first bytes of a part show (at least 4 bytes, or the whole part when shorter). */
export function sniffEncoding(head: Uint8Array): { readonly encoding: XmlEncoding; readonly bom: number } {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", bom: 2 };
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return { encoding: "utf-16le", bom: 0 };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: 0 };
}

/** The encoding named in an XML declaration at the start of `text`, if any. */
export function declaredEncoding(text: string): string | null {
  const m = /^\s*<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(text.slice(0, 512));
  return m ? m[2] : null;
}

/** Whether a declared name fits the bytes' encoding (UTF-8 bytes may also say ASCII, which is a part of it). */
function fits(declared: string, encoding: XmlEncoding): boolean {
  const d = declared.trim().toLowerCase().replace(/_/g, "-");
  if (encoding === "utf-8") return d === "utf-8" || d === "utf8" || d === "us-ascii" || d === "ascii";
  return d === "utf-16" || d === "utf-16le" || d === "utf-16be" || d === "unicode" || d === "ucs-2";
}

/**
 * Decodes a part fed in chunks to text: the encoding sniffed from its first bytes, the byte-order mark dropped, the
 * declaration checked against the bytes, bytes that do not decode refused (never U+FFFD in a 项目名称).
 */
export class XmlDecoder {
  private decoder: { decode(input: Uint8Array, options: { stream: boolean }): string } | null = null;
  private head = new Uint8Array(0);
  private checked = false;
  private pending = "";
  private encoding: XmlEncoding = "utf-8";

  constructor(private readonly part: string) {}

  /** The text of the next chunk (perhaps empty while the first bytes are gathered). */
  push(chunk: Uint8Array): string {
    if (!this.decoder) {
      if (this.head.length + chunk.length < 4) {
        const joined = new Uint8Array(this.head.length + chunk.length);
        joined.set(this.head);
        joined.set(chunk, this.head.length);
        this.head = joined;
        return "";
      }
      const first = this.head.length ? new Uint8Array([...this.head, ...chunk]) : chunk;
      this.head = new Uint8Array(0);
      return this.start(first, false);
    }
    return this.checkDeclaration(this.decode(chunk, false), false);
  }

  /** What is left at the end of the part. */
  end(): string {
    if (!this.decoder) return this.start(this.head, true);
    return this.checkDeclaration(this.decode(new Uint8Array(0), true), true);
  }

  private start(first: Uint8Array, last: boolean): string {
    const { encoding } = sniffEncoding(first);
    this.encoding = encoding;
    // TextDecoder drops the byte-order mark of its own encoding (ignoreBOM false)
    this.decoder = new TextDecoder(encoding, { fatal: true });
    return this.checkDeclaration(this.decode(first, last), last);
  }

  private decode(bytes: Uint8Array, last: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream: !last });
    } catch {
      throw unreadable(
        this.encoding === "utf-8"
          ? `部件“${this.part}”不是有效的 UTF-8 文本（可能用了未声明的编码，如 GBK）；${SAVE_AS}`
          : `部件“${this.part}”不是有效的 UTF-16 文本；${SAVE_AS}`,
      );
    }
  }

  /** Text is held back until the declaration (if any) has been seen whole, then checked once. */
  private checkDeclaration(text: string, last: boolean): string {
    if (this.checked) return text;
    this.pending += text;
    const start = this.pending.trimStart();
    if (!last && start.length < 512 && (start === "" || start.startsWith("<?xml") || "<?xml".startsWith(start)) && !start.includes("?>")) return "";
    this.checked = true;
    const declared = declaredEncoding(this.pending);
    if (declared !== null && !fits(declared, this.encoding)) {
      throw unreadable(`部件“${this.part}”使用了字符编码“${declared}”，Office Open XML 文件只能用 UTF-8 或 UTF-16；${SAVE_AS}`);
    }
    const out = this.pending;
    this.pending = "";
    return out;
  }
}

/**
 * A part's bytes as UTF-8 without a byte-order mark, for the writer, which edits parts by byte offsets: UTF-8 as it
 * is (its mark counted in `bom`, kept in the copy as the untouched bytes it is), UTF-16 re-encoded as UTF-8 with its
 * declaration saying so (the part is then written as UTF-8 — the one encoding the writer writes).
 */
export function asUtf8(part: string, bytes: Uint8Array): { readonly bytes: Uint8Array; readonly bom: number; readonly transcoded: boolean } {
  const { encoding, bom } = sniffEncoding(bytes);
  if (encoding === "utf-8") return { bytes, bom, transcoded: false };
  const decoder = new XmlDecoder(part);
  const text = decoder.push(bytes) + decoder.end();
  const utf8 = text.replace(/^(\s*<\?xml\s[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
  return { bytes: new TextEncoder().encode(utf8), bom: 0, transcoded: true };
}
