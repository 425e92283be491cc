import { Inflate } from "fflate";
import { Budget, charge, megabytes, tooLarge, unreadable, WorkbookError } from "../limits";
import { crc32, Inflated, inflateWhole } from "./codec";

/** One part of a zip package, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the compressed bytes start (after the local header). */
  readonly dataOffset: number;
  /** Position in the archive, to keep the order when writing a copy. */
  readonly index: number;
}

/** What may still be inflated (the limits on uncompressed XML: a sheet's own, charged to the workbook's too). */
export type InflateBudget = Budget;

const overLimit = (what: string | undefined, limit: number) => `${what ?? "工作簿内容"}超过 ${megabytes(limit)}（解压后），超出本工具的处理上限`;

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Compressed bytes handed to the inflater at once: small enough that the output can be counted as it grows. */
const SLICE = 64 * 1024;
/**
 * Compressed bytes handed to the streaming inflater at once. Deflate inflates up to some 1,032-fold, so a slice of a
 * zip bomb gives ~16 MB at most before the parser can refuse what it holds (a 64 KB slice gave 64 MB: 450 MB of peak
 * memory to refuse a sheet of nested tags); an ordinary sheet (~10-fold) gives 160 KB a slice.
 */
const INFLATE_SLICE = 16 * 1024;
/**
 * A part that declares at most this much is inflated whole, in one call (Node: native zlib); larger ones stream in
 * slices, so a huge sheet never sits in memory twice. The shared strings of a few thousand forms (4 MB) fit.
 */
const WHOLE = 8 * 1024 * 1024;

const damaged = (why: string) => unreadable(`文件已损坏，无法读取（${why}）`);

/**
 * Whether a zip entry's name can be a part of a package (OPC part names: ECMA-376 part 2, §6.2.2): not absolute, no
 * drive, no backslash, no `.` or `..` segment, no control character. Others (`../../x`, `/abs`, `C:\…`) are never
 * read and never copied into what we write.
 * @example isSafeEntryName("xl/worksheets/sheet1.xml") //=> true
 * @example isSafeEntryName("../../x") //=> false
 */
export function isSafeEntryName(name: string): boolean {
  if (name === "" || name.startsWith("/") || name.includes("\\") || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split("/").every((segment, i, all) => (segment !== "." && segment !== ".." && segment !== "") || (segment === "" && i === all.length - 1));
}

/**
 * A zip package read through its central directory (zip64 included): the parts' names, sizes and checksums, their
 * compressed bytes as they are (for a copy that keeps them byte for byte) and their content, inflated in slices
 * under a byte budget and checked against the CRC. Never trusts a size it has not counted.
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  /** Entries inflated whole and found to match their CRC (every part a check reads): a copy need not check them again. */
  private readonly checked = new Set<ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
  ) {
    // part names of a package compare without case (ECMA-376 part 2, §6.2.2.3); an unsafe name is no part
    for (const e of entries) if (isSafeEntryName(e.name)) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Open a zip from its bytes; a WorkbookError says why not. */
  static open(bytes: Uint8Array): ZipArchive {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u16 = (at: number) => view.getUint16(at, true);
    const u32 = (at: number) => view.getUint32(at, true);
    const u64 = (at: number) => u32(at) + u32(at + 4) * 0x100000000;
    const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

    let eocd = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - MAX_COMMENT); at--) {
      if (u32(at) === SIG_EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw damaged("找不到压缩包目录，文件可能不完整");
    let count = u16(eocd + 10);
    let directory = u32(eocd + 16);
    if (count === 0xffff || directory === 0xffffffff) {
      const locator = eocd - 20;
      if (!inside(locator, 20) || u32(locator) !== SIG_EOCD64_LOCATOR) throw damaged("压缩包目录不完整");
      const at = u64(locator + 8);
      if (!inside(at, 56) || u32(at) !== SIG_EOCD64) throw damaged("压缩包目录不完整");
      count = u64(at + 32);
      directory = u64(at + 48);
    }

    const entries: ZipEntry[] = [];
    const seen = new Set<string>();
    const decoder = new TextDecoder();
    let p = directory;
    for (let i = 0; i < count; i++) {
      if (!inside(p, 46) || u32(p) !== SIG_CENTRAL) throw damaged("压缩包目录已损坏");
      const flags = u16(p + 8);
      const method = u16(p + 10);
      const crc = u32(p + 16);
      let compressedSize = u32(p + 20);
      let size = u32(p + 24);
      const nameLength = u16(p + 28);
      const extraLength = u16(p + 30);
      const commentLength = u16(p + 32);
      let local = u32(p + 42);
      if (!inside(p + 46, nameLength + extraLength + commentLength)) throw damaged("压缩包目录已损坏");
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
      // zip64: the real sizes and offset sit in extra field 0x0001, in this order, for each one marked 0xffffffff
      for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
        const id = u16(x);
        const length = u16(x + 2);
        if (id === 0x0001) {
          let y = x + 4;
          if (size === 0xffffffff) {
            size = u64(y);
            y += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(y);
            y += 8;
          }
          if (local === 0xffffffff) local = u64(y);
        }
        x += 4 + length;
      }
      p += 46 + nameLength + extraLength + commentLength;
      if (flags & 1) throw unreadable("文件已加密（设置了打开密码），请取消密码后再试");
      if (method !== 0 && method !== 8) throw damaged(`部件“${name}”使用了不支持的压缩方式`);
      const key = name.toLowerCase();
      if (seen.has(key)) throw damaged(`部件“${name}”重复出现`);
      seen.add(key);
      if (!inside(local, 30) || u32(local) !== SIG_LOCAL) throw damaged(`部件“${name}”的位置有误`);
      const dataOffset = local + 30 + u16(local + 26) + u16(local + 28);
      if (!inside(dataOffset, compressedSize)) throw damaged(`部件“${name}”不完整`);
      entries.push({ name, method, crc, compressedSize, size, dataOffset, index: i });
    }
    return new ZipArchive(bytes, entries);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** The compressed bytes of a part, as they are in the file. */
  raw(entry: ZipEntry): Uint8Array {
    return this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /**
   * Inflate a part slice by slice, handing each piece of output to `onChunk`, counting it against the budget and
   * checking the CRC at the end. A part that inflates past the budget is FILE_TOO_LARGE however small it claims to be.
   */
  inflate(entry: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): void {
    for (let b: Budget | undefined = budget; b; b = b.parent) if (entry.size > b.remaining) throw tooLarge(overLimit(b.what, b.limit));
    let produced = 0;
    let crc = 0;
    let fromReader: unknown = undefined;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      if (produced > entry.size) throw damaged(`部件“${entry.name}”的大小与目录不符`);
      charge(budget, chunk.length, overLimit);
      crc = crc32(chunk, crc);
      try {
        onChunk(chunk);
      } catch (e) {
        fromReader = e;
        throw e;
      }
    };
    const raw = this.raw(entry);
    if (entry.method === 8 && (raw.length <= SLICE || entry.size <= WHOLE)) {
      // a small part (most of them) in one go (codec.ts: Node's zlib; the pane's bundle: fflate): the streaming
      // inflater would grow its buffer step by step. A part that would inflate past its declared size is stopped
      // there; one slice of input cannot inflate to more than about 66 MB, so the work is bounded as for a slice.
      // deflate inflates at most about 1032-fold: a size past that is a directory that lies, never a buffer to make
      if (entry.size > raw.length * 1032 + 1024) throw damaged(`部件“${entry.name}”的大小与目录不符`);
      let out: Inflated;
      try {
        out = inflateWhole(raw, entry.size);
      } catch {
        throw damaged(`部件“${entry.name}”无法解压`);
      }
      if (out === "too-long") throw damaged(`部件“${entry.name}”的大小与目录不符`);
      take(out);
    } else if (entry.method === 0) {
      for (let at = 0; at < raw.length; at += SLICE) take(raw.subarray(at, at + SLICE));
    } else {
      const inflater = new Inflate((chunk) => take(chunk));
      try {
        if (raw.length === 0) inflater.push(raw, true);
        for (let at = 0; at < raw.length; at += INFLATE_SLICE) inflater.push(raw.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= raw.length);
      } catch (e) {
        // what the reader of the part threw (its verdict, or that another parser must read it) goes on as it is
        if (e instanceof WorkbookError || e === fromReader) throw e;
        throw damaged(`部件“${entry.name}”无法解压`);
      }
    }
    if (produced !== entry.size || crc !== entry.crc) throw damaged(`部件“${entry.name}”校验失败`);
    this.checked.add(entry);
  }

  /**
   * Whether a part inflates to its declared size and CRC (a part that is copied as it is without being read): inflated
   * in slices and let go, counted against the budget. Parts already read pass at once.
   */
  verify(entry: ZipEntry, budget: InflateBudget): boolean {
    if (this.checked.has(entry)) return true;
    try {
      this.inflate(entry, budget, () => undefined);
      return true;
    } catch (e) {
      if (e instanceof WorkbookError && e.code === "FILE_TOO_LARGE") throw e;
      return false;
    }
  }

  /** The entries whose names are no part names (isSafeEntryName), in the archive's order. */
  get unsafeEntries(): readonly ZipEntry[] {
    return this.entries.filter((e) => !isSafeEntryName(e.name));
  }

  /** A whole part, inflated under the budget. */
  read(entry: ZipEntry, budget: InflateBudget): Uint8Array {
    const out = new Uint8Array(entry.size);
    let at = 0;
    this.inflate(entry, budget, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }
}
