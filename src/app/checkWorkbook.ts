import {
  analyzeSheet,
  buildWritePlan,
  countBySeverity,
  goalsCopiedAcrossForms,
  Grid,
  Profile,
  SeverityCounts,
  SheetAnalysis,
  sheetReport,
  SheetReport,
  WritePlan,
  WritePlanOptions,
  planMarks,
} from "../engine";
import { cellTexts, SheetPreview, sheetPreview } from "./cellText";
import { describeWrites, WrittenCell } from "./writtenCells";

/** One checked sheet: what the engine found, what it would write, and the report (cli.md) of it. */
export interface SheetResult {
  readonly analysis: SheetAnalysis;
  /** The write plan of a form (derived cells, blank 得分, highlights); null for a sheet that holds none. */
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
  /** The checked sheets, in workbook order. */
  readonly sheets: readonly SheetResult[];
  readonly counts: SeverityCounts;
}

export interface CheckOptions extends WritePlanOptions {
  /**
   * Check only these sheets (by name); the other grids are still read as context for the checks across forms
   * (a 实际完成情况 copied from another sheet's 预期目标). All sheets when absent.
   */
  readonly sheets?: readonly string[];
}

/**
 * 校验并计分 of a workbook, the one composition of the pipeline every edge calls (CLI, .xlsx file host, Excel host,
 * ribbon): each sheet analyzed (locate → read → score → check), the checks across forms added, a write plan and a
 * report per sheet. A sheet without a form is only `info` when another sheet holds one (a workbook of forms often
 * has a cover or notes sheet). Pure: the grids are only read.
 */
export function checkWorkbook(grids: readonly Grid[], profile: Profile, options: CheckOptions = {}): WorkbookResult {
  const analyses = grids.map((g) => analyzeSheet(g, profile));
  const anyForm = analyses.some((a) => a.isForm);
  const copied = goalsCopiedAcrossForms(analyses.map((a) => a.form));
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const sheets: SheetResult[] = [];
  analyses.forEach((a, i) => {
    if (wanted && !wanted.has(a.sheet)) return;
    const analysis: SheetAnalysis = a.isForm
      ? { ...a, findings: [...a.findings, ...(copied.get(i) ?? [])] }
      : { ...a, findings: anyForm ? a.findings.map((f) => ({ ...f, severity: "info" as const })) : a.findings };
    const plan = analysis.form ? buildWritePlan(analysis.form, grids[i], analysis.findings, options) : null;
    const report = sheetReport(analysis);
    const writes = plan ? describeWrites(plan, report) : [];
    const cellText = cellTexts(grids[i], [...report.findings.flatMap((f) => f.cells), ...writes.map((w) => w.cell)]);
    sheets.push({ analysis, plan, report, writes, cellText, ...(analysis.isForm ? {} : { preview: sheetPreview(grids[i]) }) });
  });
  return { profile, sheets, counts: countBySeverity(sheets.flatMap((s) => s.analysis.findings)) };
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
