import {
  analyzeSheet,
  buildWritePlan,
  CellRef,
  CellWrite,
  countBySeverity,
  crossFormFindings,
  Finding,
  FindingReport,
  formFingerprint,
  FormReport,
  FormFingerprint,
  Grid,
  highlightsFor,
  Profile,
  ScoredForm,
  SeverityCounts,
  SheetAnalysis,
  sheetReport,
  SheetReportOf,
  toA1,
} from "../engine";
import { cellTexts, sheetPreview, SheetPreview } from "./cellText";
import type { CheckOptions, SheetResult, WorkbookResult } from "./checkWorkbook";
import { acceptedByKey, decidedReport, FolderForm, folderForm } from "./folderChecks";
import { AS_OBJECTS, ReportPacking } from "./packedReport";
import { AcceptedFinding, EMPTY_STORE, isStoreSheet, markAccepted, readStore, vocabularyOf, WorkbookStore } from "./workbookStore";
import { describeWrites } from "./writtenCells";

/**
 * 校验并计分 of a workbook whose sheets are read one at a time: each sheet is analyzed as soon as it is read and let
 * go once what the result needs of it is kept, so memory is bounded by the largest sheet and what is kept, not by the
 * workbook. The checks across forms need every form, so they run at the end, on the forms' fingerprints (plain data),
 * and their findings are added then. The results are checkWorkbook()'s, sheet for sheet (test/app/checkSheets.test.ts
 * compares them); checkWorkbook stays the way to check grids already in memory (the Excel host).
 */

/** The sheets of a workbook, read on demand in tab order (the .xlsx reader streams each; an array of grids is one too). */
export interface SheetSource {
  readonly count: number;
  /**
   * The grid of sheet `index`, or null for a sheet that is not checked at all (a scored copy's 校验结果). What the
   * reader throws (past the limits, damaged) goes to the caller: the whole check stops, as a whole read would.
   */
  read(index: number): Grid | null;
  /** Sheets to look at first for the workbook's store sheet (very hidden, or named as ours); a store elsewhere is still found. */
  readonly storeCandidates?: readonly number[];
}

export interface StreamCheckOptions extends CheckOptions {
  /** Told after each sheet: sheets done (read and analyzed), of all. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The 评分方案 to check with once the workbook's store is known (its own 评分方案 may be kept there); the one given
   * when absent.
   */
  readonly profileFor?: (store: WorkbookStore) => Profile;
}

/**
 * A workbook checked for its report only (ziping check): what the JSON and text reports need, nothing more; its forms'
 * reports as F (objects, or packed for the JSON report: packedReport.ts).
 */
export interface WorkbookReportsOf<F> {
  readonly profile: Profile;
  readonly store: WorkbookStore;
  /** The reports of the sheets checked, in workbook order. */
  readonly reports: readonly SheetReportOf<F>[];
  /** The forms of the sheets reported, as the checks across the files of a folder compare them (folderChecks.ts). */
  readonly forms: readonly FolderForm[];
  readonly counts: SeverityCounts;
}

export type WorkbookReports = WorkbookReportsOf<FormReport>;

/** An array of grids as a source (grids already in memory: the Excel host, tests); its store sheets are offered first. */
export function gridSource(grids: readonly Grid[]): SheetSource {
  return { count: grids.length, read: (i) => grids[i], storeCandidates: grids.flatMap((g, i) => (isStoreSheet(g) ? [i] : [])) };
}

/**
 * 校验并计分 of a workbook whose grids are all in memory (the Excel host, templates, tests): checkSheets() over them, the
 * one composition of the pipeline (checkSheets.ts). Pure: the grids are only read.
 */
export function checkWorkbook(allGrids: readonly Grid[], profile: Profile, options: CheckOptions = {}): WorkbookResult {
  return checkSheets(gridSource(allGrids), profile, options);
}

/** How a message names a sheet of the same workbook (as checkWorkbook's). */
const whereInWorkbook = (sheet: string) => `工作表“${sheet}”`;

/** What one pass keeps of a sheet (K) beside what every pass keeps: its name and its forms' fingerprints. */
interface Kept<K> {
  readonly sheet: string;
  readonly isForm: boolean;
  readonly fingerprints: readonly FormFingerprint[];
  /** Null for a sheet not asked for (options.sheets): only its forms are kept, for the checks across forms. */
  readonly kept: K | null;
}

type Pass<K> = { readonly done: true; readonly sheets: Kept<K>[] } | { readonly done: false; readonly store: WorkbookStore; readonly at: number };

/** The store's sheet among the candidates, read first (it changes how every form is read). */
function storeAmongCandidates(source: SheetSource): { store: WorkbookStore; at: number | null } {
  for (const i of [...(source.storeCandidates ?? [])].sort((a, b) => a - b)) {
    const grid = source.read(i);
    if (grid && isStoreSheet(grid)) return { store: readStore([grid]), at: i };
  }
  return { store: EMPTY_STORE, at: null };
}

/**
 * One pass over the sheets: each read, analyzed (its own findings marked 已忽略 as the store says) and handed to
 * `keep`, then let go. A store sheet before the one assumed (readStore takes the first) means the pass was read with
 * the wrong words: it stops and says which store to start again with (rare: a store that is neither very hidden nor
 * named as ours).
 */
function pass<K>(
  source: SheetSource,
  profile: Profile,
  store: WorkbookStore,
  storeAt: number | null,
  options: StreamCheckOptions,
  keep: (a: SheetAnalysis, grid: Grid, fingerprints: readonly FormFingerprint[]) => K,
  range: SheetRange = { from: 0, to: source.count },
): Pass<K> {
  const vocabulary = vocabularyOf(store);
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const sheets: Kept<K>[] = [];
  const { from, to } = range;
  for (let i = from; i < to; i++) {
    const grid = source.read(i);
    if (grid && isStoreSheet(grid)) {
      if (options.store === undefined && (storeAt === null || i < storeAt)) return { done: false, store: readStore([grid]), at: i };
    } else if (grid) {
      const analyzed = analyzeSheet(grid, profile, { vocabulary });
      const a = withAccepted(analyzed, store);
      const fingerprints = a.forms.map((f) => formFingerprint(f.form));
      sheets.push({ sheet: a.sheet, isForm: a.isForm, fingerprints, kept: wanted && !wanted.has(a.sheet) ? null : keep(a, grid, fingerprints) });
    }
    options.onProgress?.(i + 1 - from, to - from);
  }
  return { done: true, sheets };
}

/** The analysis with the findings the store accepted marked 已忽略 (as checkWorkbook marks them). */
function withAccepted(a: SheetAnalysis, store: WorkbookStore): SheetAnalysis {
  if (!a.isForm || store.accepted.length === 0) return a;
  const forms = a.forms.map((f) => markAccepted(f, store.accepted));
  return { ...a, forms, findings: forms[0].findings };
}

/** Every pass until one was read with the right store; the store and the kept sheets. */
function streamed<K>(
  source: SheetSource,
  profile: Profile,
  options: StreamCheckOptions,
  keep: (a: SheetAnalysis, grid: Grid, fingerprints: readonly FormFingerprint[], store: WorkbookStore) => K,
): { profile: Profile; store: WorkbookStore; sheets: Kept<K>[] } {
  let { store, at } = options.store ? { store: options.store, at: null } : storeAmongCandidates(source);
  for (;;) {
    const s = store;
    const used = options.profileFor?.(s) ?? profile;
    const result = pass(source, used, s, at, options, (a, grid, fp) => keep(a, grid, fp, s));
    if (result.done) return { profile: used, store, sheets: result.sheets };
    ({ store, at } = result);
  }
}

/** The findings of the checks across forms, per sheet and form, in the order of `sheets`. */
function crossFindings(sheets: readonly Kept<unknown>[], options: CheckOptions = {}): Finding[][][] {
  // another file's forms (a 申报表 named with --declaration) are compared too, after the workbook's own
  const own = sheets.flatMap((s) => s.fingerprints.map((form) => ({ form, where: whereInWorkbook(s.sheet) })));
  const extra = crossFormFindings([...own, ...(options.otherForms ?? [])], { pairAlone: options.pairAlone });
  let k = 0;
  return sheets.map((s) => s.fingerprints.map(() => extra[k++]));
}

/** The extra findings of a form, marked 已忽略 as the store says. */
function acceptedExtra(form: ScoredForm | undefined, extra: readonly Finding[], store: WorkbookStore): readonly Finding[] {
  if (!form || extra.length === 0 || store.accepted.length === 0) return extra;
  return markAccepted({ form, findings: extra }, store.accepted).findings;
}

/** Every cell a fingerprint names: the cells a check across forms can name (it sees nothing else of a form). */
function fingerprintCells(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) fingerprintCells(v, out);
  else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.row === "number" && typeof o.col === "number" && typeof o.sheet === "string") out.push(toA1(o as unknown as CellRef));
    else for (const v of Object.values(o)) fingerprintCells(v, out);
  }
  return out;
}

/** What the full result keeps of a sheet while the others are read: no grid. */
interface FullSheet {
  readonly analysis: SheetAnalysis;
  /** Each form's writes (they do not depend on the findings; the highlights do, and are made at the end). */
  readonly writes: readonly (readonly CellWrite[])[];
  /** What the cells that the findings, the writes and the checks across forms can name display, by A1. */
  readonly cells: Readonly<Record<string, string>>;
  readonly preview?: SheetPreview;
}

/**
 * checkWorkbook()'s result (analyses, write plans, reports, written cells, cell texts) from sheets read one at a time:
 * the grids are let go, the analyses kept (for the scored copy and the pane). For a workbook of thousands of forms
 * and only its report, checkSheetReports() keeps far less.
 */
export function checkSheets(source: SheetSource, profile: Profile, options: StreamCheckOptions = {}): WorkbookResult {
  const { profile: used, store, sheets } = streamed<FullSheet>(source, profile, options, (a, grid, fingerprints) => {
    const writes = a.forms.map((f) => buildWritePlan(f.form, grid, [], options).writes);
    const named = a.isForm ? a.forms.flatMap((f) => f.findings.flatMap((x) => x.cells.map(toA1))) : a.findings.flatMap((f) => f.cells.map(toA1));
    const cells = cellTexts(grid, [...named, ...writes.flat().map((w) => toA1(w.cell)), ...fingerprintCells(fingerprints)]);
    return { analysis: a, writes, cells, ...(a.isForm ? {} : { preview: sheetPreview(grid) }) };
  });
  const extra = crossFindings(sheets, options);
  const anyForm = sheets.some((s) => s.isForm);
  const results: SheetResult[] = [];
  sheets.forEach((s, i) => {
    if (!s.kept) return;
    const own = s.kept.analysis;
    let analysis = own;
    if (own.isForm) {
      const forms = own.forms.map((f, k) => ({ ...f, findings: [...f.findings, ...acceptedExtra(f.form, extra[i][k], store)] }));
      analysis = { ...own, forms, findings: forms[0].findings };
    } else if (anyForm) analysis = { ...own, findings: own.findings.map((f) => ({ ...f, severity: "info" as const })) };
    const plan = analysis.isForm ? { sheet: analysis.sheet, writes: s.kept.writes.flat(), highlights: analysis.forms.flatMap((f) => highlightsFor(f.findings, options.highlight)) } : null;
    const report = sheetReport(analysis);
    const writes = plan ? describeWrites(plan, report) : [];
    const named = report.forms.length ? report.forms.flatMap((f) => f.findings.flatMap((x) => x.cells)) : report.findings.flatMap((f) => f.cells);
    const cellText: Record<string, string> = {};
    for (const a1 of [...named, ...writes.map((w) => w.cell)]) if (!(a1 in cellText)) cellText[a1] = s.kept.cells[a1] ?? "";
    results.push({ analysis, plan, report, writes, cellText, ...(s.kept.preview ? { preview: s.kept.preview } : {}) });
  });
  const findings = results.flatMap((s) => (s.analysis.isForm ? s.analysis.forms.flatMap((f) => f.findings) : s.analysis.findings));
  return { profile: used, store, sheets: results, counts: countBySeverity(findings) };
}

/** What the report-only pass keeps of a sheet: its report, and its forms as the checks across forms compare them. */
interface ReportSheet<F> {
  readonly report: SheetReportOf<F>;
  readonly folderForms: readonly FolderForm[];
}

/**
 * One sheet of a report-only check, as plain data: its name, whether it holds forms, their fingerprints, and — for a
 * sheet asked for — its report and its forms as a folder compares them.
 */
type ReportPiece<F> = Kept<ReportSheet<F>>;

function reportKeeper<F>(packing: ReportPacking<F>): (a: SheetAnalysis, grid: Grid, fingerprints: readonly FormFingerprint[], store: WorkbookStore) => ReportSheet<F> {
  let accepted: { store: WorkbookStore; byKey: ReadonlyMap<string, AcceptedFinding> } | null = null;
  return (a, _grid, fingerprints, s) => ({
    report: packing.pack(sheetReport(a)),
    folderForms: a.forms.map((f, index) => {
      if (accepted?.store !== s) accepted = { store: s, byKey: acceptedByKey(s) };
      return folderForm(a.sheet, index, f.form, accepted.byKey, fingerprints[index]);
    }),
  });
}

/**
 * The workbook's reports from the pieces of all its sheets, in tab order: the checks across forms run on their
 * fingerprints and their findings are added (marked 已忽略 as the store says, by the decisions each piece carries).
 */
function reportsOfPieces<F>(profile: Profile, store: WorkbookStore, sheets: readonly ReportPiece<F>[]): WorkbookReportsOf<F> {
  const extra = crossFindings(sheets);
  const anyForm = sheets.some((s) => s.isForm);
  const reports: SheetReportOf<F>[] = [];
  sheets.forEach((s, i) => {
    if (!s.kept) return;
    const own = s.kept.report;
    if (own.isForm) {
      const folder = s.kept.folderForms;
      const forms = own.forms.map((f, k) => {
        // 已忽略 by the decisions the form carries, as for the checks across files
        const more = extra[i][k].map((x) => decidedReport(folder[k], x));
        return more.length ? { ...f, findings: [...f.findings, ...more] } : f;
      });
      reports.push({ ...own, findings: forms[0].findings, forms });
    } else reports.push(anyForm ? { ...own, findings: own.findings.map((f): FindingReport => ({ ...f, severity: "info" })) } : own);
  });
  const forms = sheets.flatMap((s) => s.kept?.folderForms ?? []);
  const counts = countBySeverity(reports.flatMap((r) => (r.isForm ? r.forms.flatMap((f) => f.findings) : r.findings)));
  return { profile, store, reports, forms, counts };
}

/** Which of a workbook's sheets one part of a check reads: from `from` up to (not including) `to`, in tab order. */
export interface SheetRange {
  readonly from: number;
  readonly to: number;
}

/**
 * One part of a report-only check of a workbook (its sheets in `range`), as plain data: it crosses from the worker
 * thread that checked it to the one that puts the parts together (reportsOfParts).
 */
export interface ReportPart<F = FormReport> {
  readonly profile: Profile;
  readonly store: WorkbookStore;
  readonly pieces: readonly ReportPiece<F>[];
}

/**
 * The sheets in `range` of a workbook checked for their reports, the store found and the 评分方案 chosen as
 * checkSheetReports does them (every part finds the same). Null when a store sheet sits in the range that the check
 * must start again with (a store neither very hidden nor named as ours): the workbook is then checked in one pass.
 */
export function checkSheetReportPart(source: SheetSource, profile: Profile, options: StreamCheckOptions, range: SheetRange): ReportPart | null;
/** The same with the forms' reports kept as `packing` makes them. */
export function checkSheetReportPart<F>(source: SheetSource, profile: Profile, options: StreamCheckOptions, range: SheetRange, packing: ReportPacking<F>): ReportPart<F> | null;
export function checkSheetReportPart(source: SheetSource, profile: Profile, options: StreamCheckOptions, range: SheetRange, packing: ReportPacking<unknown> = AS_OBJECTS): ReportPart<unknown> | null {
  const { store, at } = options.store ? { store: options.store, at: null } : storeAmongCandidates(source);
  const used = options.profileFor?.(store) ?? profile;
  const keep = reportKeeper(packing);
  const result = pass(source, used, store, at, options, (a, grid, fp) => keep(a, grid, fp, store), range);
  return result.done ? { profile: used, store, pieces: result.sheets } : null;
}

/** The parts of a workbook checked in parallel (each sheet in one of them), put together in tab order: checkSheetReports()'s result. */
export function reportsOfParts<F>(parts: readonly ReportPart<F>[]): WorkbookReportsOf<F> {
  return reportsOfPieces(parts[0].profile, parts[0].store, parts.flatMap((p) => p.pieces));
}

/**
 * The reports of a workbook's sheets read one at a time, for `ziping check`: per sheet only its report (plain
 * strings) and its forms' fingerprints are kept — never a grid, an analysis or a Decimal — so a workbook of
 * thousands of forms is checked in the memory of its largest sheet plus the reports. The reports are checkWorkbook()'s.
 */
export function checkSheetReports(source: SheetSource, profile: Profile, options?: StreamCheckOptions): WorkbookReports;
/** The same with the forms' reports kept as `packing` makes them (PACKED: as their JSON, for `check --json`). */
export function checkSheetReports<F>(source: SheetSource, profile: Profile, options: StreamCheckOptions, packing: ReportPacking<F>): WorkbookReportsOf<F>;
export function checkSheetReports(source: SheetSource, profile: Profile, options: StreamCheckOptions = {}, packing: ReportPacking<unknown> = AS_OBJECTS): WorkbookReportsOf<unknown> {
  const { profile: used, store, sheets } = streamed<ReportSheet<unknown>>(source, profile, options, reportKeeper(packing));
  return reportsOfPieces(used, store, sheets);
}
