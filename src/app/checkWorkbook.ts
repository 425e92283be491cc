import { FormAmongOthers, planMarks, Profile, SeverityCounts, SheetAnalysis, SheetReport, WritePlan, WritePlanOptions } from "../engine";
import type { SheetPreview } from "./cellText";
import type { WorkbookStore } from "./workbookStore";
import type { WrittenCell } from "./writtenCells";

/** One checked sheet: what the engine found, what it would write, and the report (cli.md) of it. */
export interface SheetResult {
  readonly analysis: SheetAnalysis;
  /** The write plan of the sheet's forms (derived cells, blank 得分, highlights); null for a sheet that holds none. */
  readonly plan: WritePlan | null;
  readonly report: SheetReport;
  /** The plan's writes as the user reads them (cell, previous → new, why); empty without a plan. */
  readonly writes: readonly WrittenCell[];
  /** What the cells named by the findings and the writes display now (A1 → text), to show a cell in place. */
  readonly cellText: Readonly<Record<string, string>>;
  /** For a sheet that holds no form: what it does hold. */
  readonly preview?: SheetPreview;
}

export interface WorkbookResult {
  readonly profile: Profile;
  /** What the workbook keeps about itself (its store sheet), as read or given. */
  readonly store: WorkbookStore;
  /** The checked sheets, in workbook order. */
  readonly sheets: readonly SheetResult[];
  readonly counts: SeverityCounts;
}

export interface CheckOptions extends WritePlanOptions {
  /**
   * What the workbook keeps about itself (workbookStore.ts): accepted findings are marked 已忽略, taught header words
   * read. Default: the store among the grids, if any.
   */
  readonly store?: WorkbookStore;
  /**
   * Check only these sheets (by name); the other grids are still read as context for the checks across forms
   * (a 实际完成情况 copied from another sheet's 预期目标). All sheets when absent.
   */
  readonly sheets?: readonly string[];
  /**
   * Forms of other files to compare this workbook's with (the 申报表 given with `--declaration`, rules.md §7.4): they
   * take part in the checks across forms and get no findings of their own here.
   */
  readonly otherForms?: readonly FormAmongOthers[];
  /** Pair a lone 自评表 with a lone 申报表 whatever their names (the user named the 申报表). */
  readonly pairAlone?: boolean;
}


/** How many cells the plans of a checked workbook write and mark as problems, once the writes are applied. */
export function planTotals(result: WorkbookResult): { readonly writes: number; readonly highlights: number } {
  let writes = 0;
  let highlights = 0;
  for (const s of result.sheets) {
    if (!s.plan) continue;
    writes += s.plan.writes.length;
    highlights += planMarks(s.plan, { written: true }).filter((m) => m.kind !== "written").length;
  }
  return { writes, highlights };
}
