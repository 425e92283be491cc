/**
 * The pipeline composed over grids all in memory, the way checkWorkbook did before the streamed check replaced it
 * (issue 12): every sheet analyzed, the checks across forms added, then per sheet a plan and a report. Kept here as the
 * independent reference the streamed check (src/app/checkSheets.ts) must equal, sheet for sheet.
 */
import {
  analyzeSheet,
  buildWritePlan,
  countBySeverity,
  crossFormFindings,
  formFingerprint,
  FormAnalysis,
  Grid,
  Profile,
  SheetAnalysis,
  sheetReport,
  WritePlan,
  WritePlanOptions,
} from "../../src/engine";
import { CheckOptions, isStoreSheet, markAccepted, readStore, SheetResult, vocabularyOf, WorkbookResult } from "../../src/app";
import { cellTexts, sheetPreview } from "../../src/app/cellText";
import { describeWrites } from "../../src/app/writtenCells";

/** How a message names a sheet of the same workbook. */
const whereInWorkbook = (sheet: string) => `工作表“${sheet}”`;

/** The checks across forms added to each form of the analyses (in place of the analyses given). */
function withCrossFormFindings(analyses: readonly SheetAnalysis[], where: (sheet: string) => string = whereInWorkbook): SheetAnalysis[] {
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
export function referenceCheckWorkbook(allGrids: readonly Grid[], profile: Profile, options: CheckOptions = {}): WorkbookResult {
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

