/**
 * What a file is, from its bytes, whatever its name says: accountants receive forms as .xls saved from web systems
 * (really HTML), .xlsx that are really OpenDocument (WPS, LibreOffice), CSV exports, old binary .xls renamed .xlsx.
 * Each gets its own message and next step (the pane's fileMessages.ts), and the command line converts by content,
 * not by extension (src/cli/inputs.ts). Pure: bytes in, a kind out; no I/O, so the pane's bundle and the CLI share it.
 */

export type FileKind =
  | "empty"
  /** An Office Open XML workbook (.xlsx, .xlsm, .xltx, .xltm), or a zip that may be one (the reader decides). */
  | "xlsx"
  /** Excel's binary workbook (.xlsb): a zip with xl/workbook.bin. */
  | "xlsb"
  /** An OpenDocument spreadsheet (.ods, WPS and LibreOffice save it). */
  | "ods"
  /** Another OpenDocument file (a text document, a presentation). */
  | "odf-other"
  | "docx"
  | "pptx"
  /** A zip whose directory cannot be read (cut short, damaged). */
  | "zip-damaged"
  /** Old binary Excel (.xls, BIFF in an OLE container); WPS .et is of the same make. */
  | "xls"
  /** An Office Open XML file with an opening password: OLE with an EncryptedPackage stream. */
  | "encrypted"
  /** An old Word document (.doc). */
  | "doc"
  /** Another OLE file. */
  | "ole-other"
  /** A web page (what many systems export under the name .xls), MHTML included. */
  | "html"
  /** Excel 2003's XML spreadsheet (SpreadsheetML 2003), often named .xls. */
  | "xml2003"
  | "pdf"
  /** Text with commas, tabs or semicolons between values. */
  | "csv"
  | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The names in a zip's central directory, or null when it cannot be found (a file cut short). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // the end-of-central-directory record: its signature within the last 64 KB + 22 bytes (a comment may follow it)
  const from = Math.max(0, bytes.length - 0xffff - 22);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  // zip64 keeps the real offset elsewhere; a form is never that large, and the reader handles it anyway
  if (at === 0xffffffff || at >= bytes.length) return at === 0xffffffff ? [] : null;
  const decoder = new TextDecoder();
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** The OpenDocument media type a package declares in its first entry, `mimetype`, stored uncompressed. */
function odfMimetype(bytes: Uint8Array): string | null {
  if (!startsWith(bytes, ZIP) || u16(bytes, 8) !== 0) return null;
  const nameLength = u16(bytes, 26);
  const extra = u16(bytes, 28);
  if (new TextDecoder().decode(bytes.subarray(30, 30 + nameLength)) !== "mimetype") return null;
  const size = u32(bytes, 18);
  const start = 30 + nameLength + extra;
  return new TextDecoder().decode(bytes.subarray(start, start + Math.min(size, 100)));
}

function zipKind(bytes: Uint8Array): FileKind {
  const mimetype = odfMimetype(bytes);
  if (mimetype !== null) return mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet") ? "ods" : "odf-other";
  const names = zipEntryNames(bytes);
  if (names === null) return "zip-damaged";
  const has = (name: string) => names.includes(name);
  if (has("content.xml") && has("META-INF/manifest.xml")) return "ods";
  if (has("xl/workbook.bin")) return "xlsb";
  if (has("word/document.xml")) return "docx";
  if (has("ppt/presentation.xml")) return "pptx";
  // anything else is left to the .xlsx reader, which says precisely what it lacks
  return "xlsx";
}

/** A UTF-16LE name (OLE directory entries are UTF-16) anywhere in the bytes. */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== pattern[0]) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function oleKind(bytes: Uint8Array): FileKind {
  if (hasUtf16(bytes, "EncryptedPackage")) return "encrypted";
  if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return "xls";
  if (hasUtf16(bytes, "WordDocument")) return "doc";
  return "ole-other";
}

/** The start of a text file, decoded (UTF-8, or UTF-16 with its byte order mark), or null when it is not text. */
function textStart(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 16384);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head.subarray(2));
  // binary files hold NUL bytes early; text (UTF-8 or GBK) does not
  if (head.includes(0)) return null;
  return new TextDecoder().decode(head).replace(/^\uFEFF/, "");
}

function textKind(text: string): FileKind {
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  if (start.startsWith("%pdf")) return "pdf";
  if (/^mime-version:/m.test(start) && start.includes("text/html")) return "html";
  if (start.startsWith("<?xml")) return /urn:schemas-microsoft-com:office:spreadsheet/.test(text) ? "xml2003" : /<html/.test(start) ? "html" : "unknown";
  if (/^<(!doctype html|html|head|body|table|meta)\b/.test(start) || /<html[\s>]/.test(start)) return "html";
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 20);
  if (lines.length > 0 && lines.every((l) => /[,\t;，]/.test(l))) return "csv";
  return "unknown";
}

/**
 * The kind of a file by its bytes.
 * @example fileKind(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) //=> "pdf"
 */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return zipKind(bytes);
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  const text = textStart(bytes);
  return text === null ? "unknown" : textKind(text);
}

/** Kinds LibreOffice turns into .xlsx (the command line converts them when it is installed), with the extension to give it. */
export const CONVERTIBLE_KINDS: Readonly<Partial<Record<FileKind, string>>> = {
  xls: ".xls",
  xlsb: ".xlsb",
  ods: ".ods",
  html: ".html",
  xml2003: ".xml",
  csv: ".csv",
};
