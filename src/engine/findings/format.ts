import { fmt2, Dec } from "../number/decimal";
import { RoundingMode } from "../number/decimal";

/** 2-decimal display of a Decimal for messages; "—" when absent. */
export function n2(x: Dec | null | undefined): string {
  return fmt2(x) ?? "—";
}

export function roundingName(mode: RoundingMode): string {
  return mode === "truncate" ? "截尾保留两位小数" : "四舍五入保留两位小数";
}

/** A funds row's label as the report and messages print it: `其中: 当年财政拨款` → `其中：当年财政拨款`, no trailing colon. */
export function fundsLabel(text: string): string {
  return text.replace(/[：:]\s*/g, "：").replace(/：$/, "");
}
