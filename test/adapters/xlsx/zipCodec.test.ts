/**
 * The zip codec has two implementations: Node's zlib for the CLI (codec.ts) and fflate for the pane's bundle
 * (codec.browser.ts, which webpack puts in codec.ts's place). They must give the same answers on every part: the same
 * bytes, "too-long" for a stream longer than declared, an exception for a damaged one, the same CRC-32; and what one
 * deflates, either inflates to the bytes given.
 */
import { deflateSync as fflateDeflateRaw } from "fflate";
import { deflateRawSync } from "node:zlib";
import * as node from "../../../src/adapters/xlsx/zip/codec";
import * as browser from "../../../src/adapters/xlsx/zip/codec.browser";
import { crc32 as portableCrc32 } from "../../../src/adapters/xlsx/zip/crc32";

const codecs = [
  ["zlib (codec.ts)", node],
  ["fflate (codec.browser.ts)", browser],
] as const;

/** Bytes of every kind a part holds: nothing, XML, Chinese text, bytes that do not compress. */
const samples: readonly (readonly [string, Uint8Array])[] = [
  ["empty", new Uint8Array(0)],
  ["one byte", new Uint8Array([0x3c])],
  ["sheet XML", new TextEncoder().encode(`<row r="1">${'<c r="A1" t="s"><v>7</v></c>'.repeat(3000)}</row>`)],
  ["Chinese", new TextEncoder().encode("财政项目支出绩效自评表（2023 年度）".repeat(500))],
  ["incompressible", Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24)],
];

/** Each sample deflated by both libraries, at their fastest and their best. */
const streams = samples.flatMap(([what, data]) => [
  [`${what}, zlib level 1`, data, new Uint8Array(deflateRawSync(data, { level: 1 }))],
  [`${what}, zlib level 9`, data, new Uint8Array(deflateRawSync(data, { level: 9 }))],
  [`${what}, fflate level 0 (stored)`, data, fflateDeflateRaw(data, { level: 0 })],
  [`${what}, fflate level 6`, data, fflateDeflateRaw(data, { level: 6 })],
] as const);

describe.each(codecs)("%s", (_name, codec) => {
  it.each(streams)("inflates %s to the bytes deflated", (_what, data, raw) => {
    const out = codec.inflateWhole(raw, data.length);
    expect(out).not.toBe("too-long");
    expect(Buffer.from(out as Uint8Array).equals(Buffer.from(data))).toBe(true);
  });

  it.each(streams.filter(([, data]) => data.length > 0))("says too-long when %s holds more than declared", (_what, data, raw) => {
    expect(codec.inflateWhole(raw, data.length - 1)).toBe("too-long");
    expect(codec.inflateWhole(raw, 0)).toBe("too-long");
  });

  it("gives what there is when the stream is shorter than declared (the caller's size check then fails)", () => {
    const data = new TextEncoder().encode("0123456789".repeat(10));
    const out = codec.inflateWhole(new Uint8Array(deflateRawSync(data)), 500);
    expect(out).not.toBe("too-long");
    expect((out as Uint8Array).length).toBe(100);
  });

  it("throws on a damaged stream", () => {
    // block type 3 is reserved (RFC 1951 §3.2.3): no inflater may read it as data
    expect(() => codec.inflateWhole(new Uint8Array([0x07, 0x00, 0x00]), 10)).toThrow();
  });

  it.each([
    ["", 0],
    ["123456789", 0xcbf43926],
    ["The quick brown fox jumps over the lazy dog", 0x414fa339],
  ])("CRC-32 of %j is %d, in one go and continued", (text, expected) => {
    const bytes = new TextEncoder().encode(text);
    expect(codec.crc32(bytes)).toBe(expected);
    const half = Math.floor(bytes.length / 2);
    expect(codec.crc32(bytes.subarray(half), codec.crc32(bytes.subarray(0, half)))).toBe(expected);
  });
});

it.each(samples)("what either codec deflates (%s), either inflates to the same bytes", (_what, data) => {
  for (const [, deflater] of codecs) {
    const raw = deflater.deflateRaw(data);
    for (const [, inflater] of codecs) {
      const out = inflater.inflateWhole(raw, data.length);
      expect(out).not.toBe("too-long");
      expect(Buffer.from(out as Uint8Array).equals(Buffer.from(data))).toBe(true);
    }
  }
});

it("the two CRCs agree with the portable one on every sample", () => {
  for (const [, data] of samples) {
    expect(node.crc32(data)).toBe(portableCrc32(data));
    expect(browser.crc32(data)).toBe(portableCrc32(data));
  }
});
