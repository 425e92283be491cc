/**
 * Numbers as SpreadsheetML writes them (XML Schema's xsd:double and xsd:int lexical forms), not as JavaScript's
 * Number() reads text: `0x5`, `0b1`, `0o7` and `Infinity` are no numbers in a part, and a cell holding one is read as
 * the text it holds.
 */
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** The number a text of 1 to 9 ASCII digits writes (every cell's style, string index and row), else -1. */
function digits(text: string): number {
  const length = text.length;
  if (length === 0 || length > 9) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** An xsd:double (surrounding white space allowed, as XML Schema's collapse does); NaN when it is none. */
export function xsdDouble(text: string): number {
  const n = digits(text);
  if (n >= 0) return n;
  const t = text.trim();
  return DOUBLE.test(t) ? Number(t) : NaN;
}

/** An xsd:int / xsd:unsignedInt (an index, a row number, a style); NaN when it is none. */
export function xsdInteger(text: string): number {
  const n = digits(text);
  if (n >= 0) return n;
  const t = text.trim();
  return INTEGER.test(t) ? Number(t) : NaN;
}
