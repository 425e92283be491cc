/** A cell address as plain data: 1-based row and column on a named sheet. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export class InvalidCellRefError extends Error {
  constructor(text: string) {
    super(`not an A1 address: ${text}`);
    this.name = "InvalidCellRefError";
  }
}

export function cellRef(sheet: string, row: number, col: number): CellRef {
  return { sheet, row, col };
}

/** Column number to letters: 1 → A, 27 → AA. */
export function colName(col: number): string {
  let name = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = (n - rem - 1) / 26;
  }
  return name;
}

/** @example toA1({ sheet: "S", row: 6, col: 8 }) //=> "H6" */
export function toA1(ref: { row: number; col: number }): string {
  return `${colName(ref.col)}${ref.row}`;
}

/** @example parseA1("H6", "S") //=> { sheet: "S", row: 6, col: 8 } */
export function parseA1(text: string, sheet = ""): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text.trim());
  if (!m) throw new InvalidCellRefError(text);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number.parseInt(m[2], 10), col };
}

export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}
