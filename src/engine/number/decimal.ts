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
  // the same amounts, weights and scores come back form after form: each is made once (a Decimal never changes)
  let x = spreadsheetNumbers.get(n);
  if (x === undefined) {
    x = new D(n.toPrecision(15));
    if (spreadsheetNumbers.size >= 20_000) spreadsheetNumbers.clear();
    spreadsheetNumbers.set(n, x);
  }
  return x;
}

const spreadsheetNumbers = new Map<number, Dec>();

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
