import { Zip, ZipDeflate, ZipInputFile } from "fflate";
import { concatBytes } from "../zip/concatBytes";
import { ZipArchive, ZipEntry } from "../zip/zipArchive";

/** A part of the package written: either copied from the source zip as it is, or new content. */
export type OutputPart = { readonly name: string; readonly copy: ZipEntry } | { readonly name: string; readonly content: Uint8Array };

/** Zip's DOS time starts in 1980; a fixed time keeps a copy of the same input byte for byte the same. */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Write a zip package: copied parts keep their compressed bytes and CRC exactly (no inflate, no deflate), new or
 * edited parts are deflated. Synchronous (fflate's streaming Zip driven to the end), for the browser and Node alike.
 */
export function writeZip(source: ZipArchive, parts: readonly OutputPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let done = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else chunks.push(chunk);
    if (final) done = true;
  });
  for (const part of parts) {
    if ("copy" in part) {
      const e = part.copy;
      const raw: ZipInputFile = {
        filename: part.name,
        size: e.size,
        crc: e.crc,
        compression: e.method,
        mtime: MTIME,
        ondata: () => undefined, // replaced by zip.add
      };
      zip.add(raw);
      raw.ondata!(null, source.raw(e) as Uint8Array<ArrayBuffer>, true);
    } else {
      const file = new ZipDeflate(part.name, { level: 6 });
      file.mtime = MTIME;
      zip.add(file);
      file.push(part.content, true);
    }
  }
  zip.end();
  if (failure) throw failure;
  if (!done) throw new Error("zip not finished");
  return concatBytes(chunks);
}
