import { Zip, ZipInputFile } from "fflate";
import { crc32, deflateRaw } from "../zip/codec";
import { concatBytes } from "../zip/concatBytes";
import { ZipArchive, ZipEntry } from "../zip/zipArchive";

/** A part of the package written: either copied from the source zip as it is, or new content. */
export type OutputPart = { readonly name: string; readonly copy: ZipEntry } | { readonly name: string; readonly content: Uint8Array };

/** Zip's DOS time starts in 1980; a fixed time keeps a copy of the same input byte for byte the same. */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Write a zip package: copied parts keep their compressed bytes and CRC exactly (no inflate, no deflate), new or
 * edited parts are deflated. Synchronous (fflate's streaming Zip driven to the end, as the container writer), for the
 * browser and Node alike.
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
  // a part goes in already compressed, with its CRC and size: a copied one as it was in the source, a new one
  // deflated by the codec (Node's zlib in the CLI, fflate in the pane)
  const add = (name: string, size: number, crc: number, compression: number, bytes: Uint8Array) => {
    const file: ZipInputFile = { filename: name, size, crc, compression, mtime: MTIME, ondata: () => undefined /* replaced by zip.add */ };
    zip.add(file);
    file.ondata!(null, bytes as Uint8Array<ArrayBuffer>, true);
  };
  for (const part of parts) {
    if ("copy" in part) add(part.name, part.copy.size, part.copy.crc, part.copy.method, source.raw(part.copy));
    else add(part.name, part.content.length, crc32(part.content), 8, deflateRaw(part.content));
  }
  zip.end();
  if (failure) throw failure;
  if (!done) throw new Error("zip not finished");
  return concatBytes(chunks);
}
