#!/usr/bin/env node
/**
 * Reference (issue 23): the least a JavaScript reader of the project's design must do — every XML part of the workbook
 * (worksheets, shared strings, styles, the workbook part) inflated with Node's zlib, decoded as UTF-8 and parsed by
 * saxes with an open-tag and a text handler that only count. No cell is kept, nothing is analysed. Prints the counts.
 * `--inflate-only` stops after inflating (the floor under the floor).
 */
const { readFileSync } = require("node:fs");
const { inflateRawSync } = require("node:zlib");
const { SaxesParser } = require("saxes");
const { TextDecoder } = require("node:util");

/** The zip's parts from its central directory: name, method, sizes, where the compressed bytes start. */
function entries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({ name, method, compressedSize, dataOffset });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const inflateOnly = process.argv.includes("--inflate-only");
const bytes = readFileSync(process.argv[2]);
let tags = 0;
let texts = 0;
let inflated = 0;
for (const e of entries(bytes)) {
  if (!/^xl\/(worksheets\/[^/]+|sharedStrings|styles|workbook)\.xml$/.test(e.name)) continue;
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  const xml = e.method === 8 ? inflateRawSync(raw) : raw;
  inflated += xml.length;
  if (inflateOnly) continue;
  const parser = new SaxesParser({ position: false });
  parser.on("opentag", () => tags++);
  parser.on("text", () => texts++);
  parser.write(new TextDecoder("utf-8").decode(xml));
  parser.close();
}
process.stdout.write(`${inflated} bytes inflated, ${tags} tags, ${texts} texts\n`);
