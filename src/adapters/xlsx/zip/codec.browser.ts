/**
 * Inflating a part whole, deflating a part written, and CRC-32 in the browser (the pane's file mode and its Web Worker): fflate and the portable
 * CRC. Node takes codec.ts (zlib); webpack.config.js puts this module in its place in the pane's bundle. Same answers
 * as codec.ts (test/adapters/xlsx/zipCodec.test.ts).
 */
import { deflateSync, inflateSync } from "fflate";
import type { Inflated } from "./codec";

export type { Inflated } from "./codec";
export { crc32 } from "./crc32";

/** As codec.ts's inflateWhole: the bytes, or "too-long" once the stream would give more than `size`; throws when damaged. */
export function inflateWhole(raw: Uint8Array, size: number): Inflated {
  // into a buffer one byte longer than declared, so the work is bounded by `size`: fflate stops a compressed block
  // where the buffer is full, and a stored block that does not fit fails to be copied in (a RangeError)
  let out: Uint8Array;
  try {
    out = inflateSync(raw, { out: new Uint8Array(size + 1) });
  } catch (e) {
    if ((e as Error).name === "RangeError") return "too-long";
    throw e;
  }
  return out.length > size ? "too-long" : out;
}

/** As codec.ts's deflateRaw: raw deflate, level 6. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 6 });
}
