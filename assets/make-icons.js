/**
 * Writes the add-in icons (icon-16/32/64/80/128.png): a green rounded square with a white check mark.
 * Plain Node (zlib) PNG encoder, no dependencies. Run: node assets/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const r = size * 0.18; // corner radius
  const stroke = Math.max(1.2, size * 0.11);
  const SS = 4; // supersampling
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          const px = u * size;
          const py = v * size;
          const cx = Math.min(Math.max(px, r), size - r);
          const cy = Math.min(Math.max(py, r), size - r);
          if (Math.hypot(px - cx, py - cy) <= r) bg++;
          const d = Math.min(
            segDist(u, v, 0.24, 0.52, 0.43, 0.71),
            segDist(u, v, 0.43, 0.71, 0.77, 0.31),
          ) * size;
          if (d <= stroke / 2) fg++;
        }
      }
      const n = SS * SS;
      const a = bg / n;
      const f = fg / n;
      const i = (y * size + x) * 4;
      // #107C41 (Excel green) blended with white by the check mark's coverage
      rgba[i] = Math.round(0x10 + (0xff - 0x10) * f);
      rgba[i + 1] = Math.round(0x7c + (0xff - 0x7c) * f);
      rgba[i + 2] = Math.round(0x41 + (0xff - 0x41) * f);
      rgba[i + 3] = Math.round(255 * a);
    }
  }
  return encodePng(size, rgba);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), drawIcon(size));
}
