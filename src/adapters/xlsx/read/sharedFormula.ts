import { colName } from "../../../engine";

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A shared formula as it reads in another cell of its range: relative A1 references moved by (rows, cols), `$`
 * parts kept, text in quotes left alone (OOXML stores the formula once, on the first cell, ECMA-376 §18.3.1.40).
 * @example shiftFormula("ROUND(F6/E6*100,2)", 1, 0) //=> "ROUND(F7/E7*100,2)"
 * @example shiftFormula('$A$1+B2&"C3"', 2, 1) //=> '$A$1+C4&"C3"'
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // split into quoted strings ("…", '…') and the rest; only the rest holds references
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|([^"']+)/g, (_m, quoted: string | undefined, rest: string | undefined) => {
    if (quoted !== undefined) return quoted;
    return (rest ?? "").replace(REFERENCE, (_r, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const col = colAbs ? columnNumber(letters) : columnNumber(letters) + cols;
      const row = rowAbs ? Number(digits) : Number(digits) + rows;
      if (col < 1 || row < 1 || col > 16384 || row > 1048576) return "#REF!";
      return `${colAbs}${colAbs ? letters.toUpperCase() : colName(col)}${rowAbs}${row}`;
    });
  });
}
