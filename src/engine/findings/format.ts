import { fmt2, Dec } from "../score/decimal";
import { RoundingMode } from "../score/decimal";

/** 2-decimal display of a Decimal for messages; "—" when absent. */
export function n2(x: Dec | null | undefined): string {
  return fmt2(x) ?? "—";
}

export function roundingName(mode: RoundingMode): string {
  return mode === "truncate" ? "截尾保留两位小数" : "四舍五入保留两位小数";
}
