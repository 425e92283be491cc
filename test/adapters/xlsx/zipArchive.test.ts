/** The zip directory reader: zip64 records (as .NET and some Java writers always write them), CRC and size checks. */
import { zipSync, strToU8 } from "fflate";
import { ZipArchive } from "../../../src/adapters/xlsx/zip/zipArchive";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { minimalWorkbook } from "../../fixtures/files/ooxml";

/** The same archive with every size and offset moved into zip64 extra fields and a zip64 end record. */
function toZip64(zip: Uint8Array): Uint8Array {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  const cdStart = buf.readUInt32LE(eocd + 16);
  const entries: Buffer[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const header = Buffer.from(buf.subarray(p, p + 46 + nameLength));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(24)), 4); // uncompressed
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(20)), 12); // compressed
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(42)), 20); // local header offset
    header.writeUInt32LE(0xffffffff, 20);
    header.writeUInt32LE(0xffffffff, 24);
    header.writeUInt32LE(0xffffffff, 42);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt16LE(0, 32);
    entries.push(Buffer.concat([header, extra]));
    p += 46 + nameLength + extraLength + commentLength;
  }
  const cd = Buffer.concat(entries);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(cdStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdStart + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([buf.subarray(0, cdStart), cd, record, locator, end]));
}

it("reads a zip64 package as it reads the plain one", async () => {
  const plain = minimalWorkbook([{ name: "表1", body: '<sheetData><row r="1"><c r="A1"><v>93.77</v></c></row></sheetData>' }]);
  const zip64 = toZip64(plain);
  expect(ZipArchive.open(zip64).entries.map((e) => [e.name, e.size])).toEqual(ZipArchive.open(plain).entries.map((e) => [e.name, e.size]));
  const r = await readWorkbook(zip64);
  expect(r.ok && r.grids[0].cells.get(16384 + 1)?.value).toBe(93.77);
});

it("a flipped byte inside a part is caught by its CRC, not read as something else", async () => {
  const zip = zipSync({ "a.txt": [strToU8("0123456789".repeat(10)), { level: 0 }] });
  const archive = ZipArchive.open(zip);
  const entry = archive.entries[0];
  const flipped = zip.slice();
  flipped[entry.dataOffset + 5] ^= 0x01;
  expect(() => ZipArchive.open(flipped).read(ZipArchive.open(flipped).entries[0], { remaining: 1e6, limit: 1e6 })).toThrow(/校验失败/);
  expect(new TextDecoder().decode(archive.read(entry, { remaining: 1e6, limit: 1e6 }))).toBe("0123456789".repeat(10));
});
