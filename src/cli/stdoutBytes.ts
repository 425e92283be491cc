import { writeSync } from "node:fs";

let streamed = false;

/**
 * Bytes written to stdout at once, done with when this returns, so that the JSON report's writer can fill the same
 * buffer again: a new buffer a chunk made V8 count half a gigabyte of memory outside its heap for 20,000 forms, and
 * collect its whole heap again and again (7.7 s of a 39 s check). bin/ziping.js makes stdout blocking; where it could
 * not (a pipe that says EAGAIN), the rest goes through the stream as copies, in order. A reader that went away
 * (EPIPE) ends the command quietly, as bin/ziping.js does for the stream.
 */
export function writeStdoutBytes(bytes: Uint8Array): void {
  if (streamed) {
    process.stdout.write(Buffer.from(bytes));
    return;
  }
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(1, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (code !== "EAGAIN") throw e;
      streamed = true;
      process.stdout.write(Buffer.from(bytes.subarray(at)));
      return;
    }
  }
}
