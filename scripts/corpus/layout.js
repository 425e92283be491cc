"use strict";
// A transcribed table (rows of cells with colspan/rowspan, test/corpus/README.md) laid out as a browser lays out an
// HTML table: the cells of a row fill the next columns not covered by a cell spanning down from above.

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** @returns {{ cells: { row: number, col: number, value: string|number, decimals?: number }[], merges: { top: number, left: number, bottom: number, right: number }[] }} */
function layoutTable(rows, { textNumbers = false } = {}) {
  const covered = new Set();
  const key = (r, c) => `${r},${c}`;
  const cells = [];
  const merges = [];
  rows.forEach((row, i) => {
    const r = i + 1;
    let c = 1;
    for (const raw of row) {
      while (covered.has(key(r, c))) c += 1;
      const cell = raw === null || typeof raw === "string" ? { v: raw } : raw;
      const cs = cell.cs ?? 1;
      const rs = cell.rs ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) covered.add(key(r + dr, c + dc));
      if (cs > 1 || rs > 1) merges.push({ top: r, left: c, bottom: r + rs - 1, right: c + cs - 1 });
      const v = cell.v;
      if (v !== null && v !== undefined && v !== "") {
        if (!textNumbers && DECIMAL.test(v)) cells.push({ row: r, col: c, value: Number(v), decimals: (v.split(".")[1] ?? "").length });
        else cells.push({ row: r, col: c, value: v });
      }
      c += cs;
    }
  });
  return { cells, merges };
}

module.exports = { layoutTable };
