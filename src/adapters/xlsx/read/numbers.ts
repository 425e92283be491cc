/**
 * Numbers as SpreadsheetML writes them (XML Schema's xsd:double and xsd:int lexical forms), not as JavaScript's
 * Number() reads text: `0x5`, `0b1`, `0o7` and `Infinity` are no numbers in a part, and a cell holding one is read as
 * the text it holds.
 */
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/** An xsd:double (surrounding white space allowed, as XML Schema's collapse does); NaN when it is none. */
export function xsdDouble(text: string): number {
  const t = text.trim();
  return DOUBLE.test(t) ? Number(t) : NaN;
}

/** An xsd:int / xsd:unsignedInt (an index, a row number, a style); NaN when it is none. */
export function xsdInteger(text: string): number {
  const t = text.trim();
  return INTEGER.test(t) ? Number(t) : NaN;
}
