import { parseA1 } from "../grid/cellRef";
import { Severity } from "../findings/codes";

/** 错误 before 警告 before 提示: the order every reader of a report sees (pane, CLI text, 校验结果 sheet). */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Where a finding sits on the sheet: its first cell, top to bottom then left to right; none sorts last. */
export function findingPosition(cells: readonly string[]): { readonly row: number; readonly col: number } {
  const first = cells[0];
  if (first === undefined) return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  try {
    const { row, col } = parseA1(first);
    return { row, col };
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/**
 * Findings for display: by severity (错误, 警告, 提示), then by position on the sheet. Stable, and a new array:
 * the report itself keeps the engine's order.
 * @example orderFindings([{ severity: "info", cells: ["A1"] }, { severity: "error", cells: ["H9"] }]).map((f) => f.severity) //=> ["error", "info"]
 */
export function orderFindings<T extends { readonly severity: Severity; readonly cells: readonly string[] }>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i, p: findingPosition(f.cells) }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.p.row - b.p.row || a.p.col - b.p.col || a.i - b.i)
    .map((x) => x.f);
}
