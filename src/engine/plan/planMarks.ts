import { CellRef, sameCell } from "../grid/cellRef";
import { HighlightKind } from "../highlight/highlight";
import { WritePlan } from "./buildWritePlan";

/** One cell to paint, and with what (engine/highlight). */
export interface PlanMark {
  readonly cell: CellRef;
  readonly kind: HighlightKind;
}

/**
 * The cells a writer paints for a plan. Without the writes (a check that only highlights) these are the plan's
 * problem highlights. With them, every written cell is marked "written" instead: it now holds the computed value,
 * and what it held before is listed with the write (rules.md §5), so a red "does not add up" on it would be stale.
 * Problem cells first, in the plan's order, then the written ones.
 * @example planMarks(plan, { written: true }) //=> [{ cell: H16, kind: "warning" }, …, { cell: C23, kind: "written" }]
 */
export function planMarks(plan: WritePlan, options: { readonly written: boolean }): PlanMark[] {
  if (!options.written) return plan.highlights.map((h) => ({ cell: h.cell, kind: h.severity }));
  const written = (cell: CellRef) => plan.writes.some((w) => sameCell(w.cell, cell));
  return [
    ...plan.highlights.filter((h) => !written(h.cell)).map((h) => ({ cell: h.cell, kind: h.severity })),
    ...plan.writes.map((w) => ({ cell: w.cell, kind: "written" as const })),
  ];
}
