import {
  analyzeSheet,
  buildWritePlan,
  countBySeverity,
  crossFormFindings,
  formFingerprint,
  FormAnalysis,
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
import { isStoreSheet, markAccepted, readStore, vocabularyOf, WorkbookStore } from "./workbookStore";
import { describeWrites, WrittenCell } from "./writtenCells";

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
}

/** How a message names a sheet of the same workbook. */
const whereInWorkbook = (sheet: string) => `工作表“${sheet}”`;

/** The checks across forms added to each form of the analyses (in place of the analyses given). */
export function withCrossFormFindings(analyses: readonly SheetAnalysis[], where: (sheet: string) => string = whereInWorkbook): SheetAnalysis[] {
  const all = analyses.flatMap((a) => a.forms.map((f) => ({ form: formFingerprint(f.form), where: where(a.sheet) })));
  const extra = crossFormFindings(all);
  let k = 0;
  return analyses.map((a) => {
    if (!a.isForm) return a;
    const forms: FormAnalysis[] = a.forms.map((f) => ({ ...f, findings: [...f.findings, ...extra[k++]] }));
    return { ...a, forms, findings: forms[0].findings };
  });
}

/** One plan for a sheet: its forms' writes and highlights together (their cells never overlap). */
function sheetPlan(a: SheetAnalysis, grid: Grid, options: WritePlanOptions): WritePlan | null {
  if (!a.isForm) return null;
  const plans = a.forms.map((f) => buildWritePlan(f.form, grid, f.findings, options));
  return { sheet: a.sheet, writes: plans.flatMap((p) => p.writes), highlights: plans.flatMap((p) => p.highlights) };
}

/**
 * 校验并计分 of a workbook, the one composition of the pipeline every edge calls (CLI, .xlsx file host, Excel host,
 * ribbon): each sheet analyzed (locate → read → score → check, each form of it), the checks across forms added, a
 * write plan and a report per sheet. A sheet without a form is only `info` when another sheet holds one (a workbook
 * of forms often has a cover or notes sheet). Pure: the grids are only read.
 */
export function checkWorkbook(allGrids: readonly Grid[], profile: Profile, options: CheckOptions = {}): WorkbookResult {
  const store = options.store ?? readStore(allGrids);
  // the add-in's own store sheet is never checked
  const grids = allGrids.filter((g) => !isStoreSheet(g));
  const vocabulary = vocabularyOf(store);
  const analyses = withCrossFormFindings(grids.map((g) => analyzeSheet(g, profile, { vocabulary }))).map((a) => {
    if (!a.isForm || store.accepted.length === 0) return a;
    const forms = a.forms.map((f) => markAccepted(f, store.accepted));
    return { ...a, forms, findings: forms[0].findings };
  });
  const anyForm = analyses.some((a) => a.isForm);
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const sheets: SheetResult[] = [];
  analyses.forEach((a, i) => {
    if (wanted && !wanted.has(a.sheet)) return;
    const analysis: SheetAnalysis = a.isForm || !anyForm ? a : { ...a, findings: a.findings.map((f) => ({ ...f, severity: "info" as const })) };
    const plan = sheetPlan(analysis, grids[i], options);
    const report = sheetReport(analysis);
    const writes = plan ? describeWrites(plan, report) : [];
    const named = report.forms.length ? report.forms.flatMap((f) => f.findings.flatMap((x) => x.cells)) : report.findings.flatMap((f) => f.cells);
    const cellText = cellTexts(grids[i], [...named, ...writes.map((w) => w.cell)]);
    sheets.push({ analysis, plan, report, writes, cellText, ...(analysis.isForm ? {} : { preview: sheetPreview(grids[i]) }) });
  });
  const findings = sheets.flatMap((s) => (s.analysis.isForm ? s.analysis.forms.flatMap((f) => f.findings) : s.analysis.findings));
  return { profile, store, sheets, counts: countBySeverity(findings) };
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
