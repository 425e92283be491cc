import Decimal from "decimal.js";

/** The engine's own Decimal: 40 significant digits, so no quotient we round to 2 decimals is cut short. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export type RoundingMode = "truncate" | "halfUp";

/**
 * Round to 2 decimals the profile's way — the only rounding in the engine.
 * @example round2(new D("93.7756"), "truncate").toFixed(2) //=> "93.77"
 */
export function round2(x: Dec, mode: RoundingMode): Dec {
  return x.toDecimalPlaces(2, mode === "truncate" ? D.ROUND_DOWN : D.ROUND_HALF_UP);
}

export function otherMode(mode: RoundingMode): RoundingMode {
  return mode === "truncate" ? "halfUp" : "truncate";
}

/**
 * A number a spreadsheet stored: Excel keeps 15 significant digits, so anything past them is binary noise
 * (9.370000000000001 is 9.37).
 */
export function fromSpreadsheetNumber(n: number): Dec {
  // the same amounts, weights and scores come back cell after cell (a Decimal is immutable: one serves them all)
  const cached = spreadsheetNumbers.get(n);
  if (cached) return cached;
  // the shortest text that reads back as n, when it has 15 digits or fewer, is what toPrecision(15) rounds to: the
  // nearest 15-digit decimal (their spacing is far wider than a double's); only longer ones need the rounding
  const shortest = String(n);
  const normal = n === 0 || Math.abs(n) >= 2.2250738585072014e-308; // a subnormal double carries fewer digits
  const d = new D(normal && significantDigits(shortest) <= 15 ? shortest : n.toPrecision(15));
  if (spreadsheetNumbers.size >= 20_000) spreadsheetNumbers.clear();
  spreadsheetNumbers.set(n, d);
  return d;
}

const spreadsheetNumbers = new Map<number, Dec>();

/** Digits of a number's text, sign, point, leading zeros and exponent aside (an upper bound: trailing zeros count). */
function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, "").replace(/e.*$/i, "").replace(".", "");
  return mantissa.replace(/^0+/, "").length;
}

/** "93.77" style output: exactly 2 decimals. */
export function fmt2(x: Dec | null | undefined): string | null {
  if (x === null || x === undefined) return null;
  // a number is printed in the report, its messages and its calculations: worked out once
  let text = fixed2.get(x);
  if (text === undefined) {
    text = x.toFixed(2);
    fixed2.set(x, text);
  }
  return text;
}

const fixed2 = new WeakMap<Dec, string>();

export const ZERO = new D(0);
export const HUNDRED = new D(100);
