import { toHalfWidth } from "../grid/normalizeLabel";
import { D, Dec } from "../number/decimal";
import { isNoneMark, TARGET_OPERATORS, TARGET_SUFFIXES, TargetOp } from "../vocabulary";

export type { TargetOp };

export type Target =
  | { readonly kind: "quantitative"; readonly op: TargetOp; readonly value: Dec; readonly unit: string }
  | { readonly kind: "qualitative"; readonly text: string }
  /** Looks like a number target (a comparison sign) but the number cannot be read: `≥9O%`. */
  | { readonly kind: "unparseable"; readonly text: string }
  | { readonly kind: "empty" };

export type Actual =
  | { readonly kind: "number"; readonly value: Dec; readonly unit: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "empty" };

const NUMBER_AND_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/;

/** A word of a unit: CJK (`人次`, `元`), Latin (`Mbps`, `m`), with ² ³. */
const UNIT_WORD = "(?:[\\p{Script=Han}]+|[A-Za-z]+[²³]?)";
/** A compound unit: words joined by `/`, `*`, `·`, `×` (`元/人*月`, `万元/公里`, `元/人·月`, `kg/m³`). */
const UNIT = new RegExp(`^${UNIT_WORD}(?:[/*·×]${UNIT_WORD})*$`, "u");

/**
 * `(台)` → `台`, `%` → `%`, `人次` → `人次`, `Mbps` → `Mbps`, `元/人*月` → `元/人*月`. A unit is `%`, words (CJK or
 * Latin letters, no digits) alone or joined by `/` `*` `·` `×`, or anything in parentheses; letters glued to `%`
 * (`9O%`, a typed O for a zero) are no unit.
 */
function readUnit(rest: string): string | null {
  const paren = /^\((.*)\)$/.exec(rest);
  const u = (paren ? paren[1] : rest).trim();
  if (u === "") return "";
  if (/\d/.test(u) || u.length > 12) return null;
  if (paren || u === "%") return u;
  return UNIT.test(u) ? u : null;
}

/** Split `103.00(台)` into 103.00 and 台; null when the text is not a number with an optional unit. */
function numberWithUnit(text: string): { value: Dec; unit: string } | null {
  const m = NUMBER_AND_UNIT.exec(text);
  if (!m) return null;
  const unit = readUnit(m[2]);
  if (unit === null) return null;
  return { value: new D(m[1].replace(/,/g, "")), unit };
}

function clean(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "");
}

/**
 * Read a 年度指标值.
 * @example parseTarget("≥99.00(%)") //=> { kind: "quantitative", op: ">=", value: 99, unit: "%" }
 * @example parseTarget("及时") //=> { kind: "qualitative", text: "及时" }
 */
export function parseTarget(text: string): Target {
  const raw = text.trim();
  if (isNoneMark(raw)) return { kind: "empty" };
  let t = clean(raw);
  // `98%以上`, `5次以内`: the comparison written after the number
  for (const [re, op] of TARGET_SUFFIXES) {
    const m = re.exec(t);
    if (!m) continue;
    const parsed = numberWithUnit(t.slice(0, m.index));
    if (parsed) return { kind: "quantitative", op, ...parsed };
  }
  t = t.replace(/^‹=/, "<=").replace(/^›=/, ">=");
  for (const [re, op] of TARGET_OPERATORS) {
    const m = re.exec(t);
    if (!m) continue;
    const parsed = numberWithUnit(t.slice(m[0].length));
    return parsed ? { kind: "quantitative", op, ...parsed } : { kind: "unparseable", text: raw };
  }
  const bare = numberWithUnit(t);
  if (bare) return { kind: "quantitative", op: "implicit", ...bare };
  return { kind: "qualitative", text: raw };
}

/**
 * Read a 实际完成值: a number with its unit, or words (`达成指标`).
 * @example parseActual("103.00(台)") //=> { kind: "number", value: 103, unit: "台" }
 */
export function parseActual(text: string): Actual {
  const raw = text.trim();
  if (isNoneMark(raw)) return { kind: "empty" };
  const t = clean(raw);
  // an actual may repeat its target's sign (`=230亩`, `≥95%`): the number is what was done
  const sign = TARGET_OPERATORS.map(([re]) => re.exec(t)?.[0]).find((m) => m !== undefined && !/^[\p{Script=Han}]/u.test(m)) ?? "";
  const parsed = numberWithUnit(t.slice(sign.length));
  return parsed ? { kind: "number", ...parsed } : { kind: "text", text: raw };
}
