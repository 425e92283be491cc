import {
  AS_OBJECTS,
  checkSheetReportPart,
  checkSheetReports,
  checkSheets,
  CheckOptions,
  newTemplate,
  nextYearTemplate,
  planTotals,
  readStore,
  ReportPacking,
  ReportPart,
  SheetSource,
  STORE_SHEET,
  StoreUpdate,
  StreamCheckOptions,
  withProfile,
  WorkbookReportsOf,
  WorkbookResult,
  WorkbookStore,
} from "../../app";
import { FormKind, FormReport, Profile, resolveProfile, SheetSpec, WritePlan } from "../../engine";
import { DEFAULT_LIMITS, ReadLimits, REPORT_LIMITS } from "./limits";
import { failure, OpenedWorkbook, openWorkbook, readWorkbook, SheetInfo, UnreadableWorkbook, WorkbookReading, WorkbookSource } from "./readWorkbook";
import { storeOwnSheet } from "./storeSheet";
import { copyNotes, OwnSheet, scoredCopy } from "./write/scoredCopy";

/**
 * The .xlsx edge of each operation: bytes in, the app service (src/app) in the middle, bytes or results out.
 * The CLI and the task pane's file mode call these and do only the I/O around them.
 * The same functions serve `ziping` and the task pane's file mode; the input bytes are never changed.
 */

export interface FileCheckOptions extends CheckOptions {
  /** Only this sheet (by name); the others are still read for the checks across forms. */
  readonly sheet?: string;
  /**
   * The profile given is only the default (no 评分方案 chosen): the workbook's own 评分方案 (its store sheet) is used
   * instead when it has one — the profile travels with the file.
   */
  readonly preferStoredProfile?: boolean;
  /** Told after each sheet is read and checked: sheets done, of all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where the 评分方案 a file was checked with came from: as given, or the workbook's own (its store sheet). */
export interface ProfileChoice {
  readonly from: "given" | "workbook";
  /** Why the workbook's own 评分方案 was not used (it cannot be read), in Chinese; absent when nothing is to say. */
  readonly note?: string;
}

export type FileCheck = { readonly ok: true; readonly result: WorkbookResult; readonly profileChoice: ProfileChoice } | UnreadableWorkbook;

/** The 评分方案 to check a workbook with: the one given, or with preferStoredProfile the workbook's own when it has one. */
function chooseProfile(given: Profile, store: WorkbookStore, prefer: boolean): { profile: Profile; choice: ProfileChoice } {
  if (!prefer || !store.profile) return { profile: given, choice: { from: "given" } };
  const stored = resolveProfile(store.profile);
  if (stored.ok) return { profile: stored.profile, choice: { from: "workbook" } };
  return { profile: given, choice: { from: "given", note: `工作簿中保存的评分方案无法使用（${stored.message}），已按“${given.name}”校验` } };
}

/**
 * The worksheets of an opened workbook as a source for the streamed check: each read when asked, what is known of it
 * kept in `met` (its grid is let go); our own sheets of an earlier copy (校验结果, 汇总; recognised by their markers)
 * are not checked again, a user's sheets of those names are. Very hidden sheets and one named as the store are
 * offered first when the store is looked for.
 */
function sourceOf(opened: OpenedWorkbook, met: SheetInfo[]): SheetSource {
  return {
    count: opened.worksheets.length,
    storeCandidates: opened.worksheets.flatMap((w, i) => (w.state === "veryHidden" || w.name === STORE_SHEET ? [i] : [])),
    read(i) {
      const { grid, ...info } = opened.read(i);
      met[i] = info;
      return info.isFindingsSheet || info.isSummarySheet ? null : grid;
    },
  };
}

/**
 * The options of the streamed check: the sheet asked for, and with preferStoredProfile the workbook's own 评分方案 once
 * the check has found its store; `choice` says afterwards which was used.
 */
function prepare(given: Profile, options: FileCheckOptions): { options: StreamCheckOptions; choice: () => ProfileChoice } {
  let choice: ProfileChoice = { from: "given" };
  const profileFor = (store: WorkbookStore): Profile => {
    const chosen = chooseProfile(given, store, options.preferStoredProfile ?? false);
    choice = chosen.choice;
    return chosen.profile;
  };
  const sheets = options.sheet !== undefined ? [options.sheet] : options.sheets;
  return { options: { ...options, profileFor, ...(sheets ? { sheets } : {}) }, choice: () => choice };
}

/** `--sheet` naming no sheet that was checked. */
function missingSheet(options: FileCheckOptions, met: readonly SheetInfo[]): UnreadableWorkbook | null {
  if (options.sheet === undefined || met.some((s) => !s.isFindingsSheet && !s.isSummarySheet && s.name === options.sheet)) return null;
  return { ok: false, code: "FILE_UNREADABLE", message: `工作簿中没有名为“${options.sheet}”的工作表` };
}

/** A workbook checked for a scored copy: the result, and what the copy is made from (the package and its sheets). */
export interface CheckedForCopy {
  readonly ok: true;
  readonly result: WorkbookResult;
  readonly profileChoice: ProfileChoice;
  readonly source: WorkbookSource;
  readonly sheets: readonly SheetInfo[];
}

/**
 * Open a workbook and run one of the streamed checks on it (`run`: checkSheets or checkSheetReports) with the 评分方案
 * chosen; what is known of each sheet read is kept in `met`. Never throws: what the reader throws is the file's failure.
 */
function streamedCheck<R>(
  data: ArrayBuffer | Uint8Array,
  limits: ReadLimits,
  given: Profile,
  options: FileCheckOptions,
  run: (source: SheetSource, profile: Profile, options: StreamCheckOptions) => R,
): { readonly ok: true; readonly checked: R; readonly profileChoice: ProfileChoice; readonly opened: OpenedWorkbook; readonly met: readonly SheetInfo[] } | UnreadableWorkbook {
  const opened = openWorkbook(data, limits);
  if (!opened.ok) return opened;
  const met: SheetInfo[] = [];
  try {
    const prepared = prepare(given, options);
    const checked = run(sourceOf(opened, met), given, prepared.options);
    return missingSheet(options, met) ?? { ok: true, checked, profileChoice: prepared.choice(), opened, met };
  } catch (e) {
    return failure(e);
  }
}

/** 校验 with everything a scored copy needs, sheet by sheet (the copy itself is made by scoredCopyOf, when asked for). */
export function checkForCopy(data: ArrayBuffer | Uint8Array, given: Profile, options: FileCheckOptions = {}): CheckedForCopy | UnreadableWorkbook {
  const r = streamedCheck(data, DEFAULT_LIMITS, given, options, checkSheets);
  return r.ok ? { ok: true, result: r.checked, profileChoice: r.profileChoice, source: r.opened.source, sheets: r.met } : r;
}

/** 校验: read an .xlsx and check every sheet (or the one named), one sheet at a time. */
export async function checkFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileCheckOptions = {}): Promise<FileCheck> {
  const checked = checkForCopy(data, profile, options);
  return checked.ok ? { ok: true, result: checked.result, profileChoice: checked.profileChoice } : checked;
}

export type FileReports<F = FormReport> = ({ readonly ok: true; readonly profileChoice: ProfileChoice } & WorkbookReportsOf<F>) | UnreadableWorkbook;

/**
 * 校验 for the report only (`ziping check`): one sheet at a time, and of each only its report and its forms'
 * fingerprints kept, so a workbook of thousands of forms takes the memory of its largest sheet plus the reports; the
 * workbook may therefore be larger (REPORT_LIMITS) than one whose analyses are kept.
 */
export function checkFileReports(data: ArrayBuffer | Uint8Array, given: Profile, options?: FileCheckOptions): FileReports;
/** The same with the forms' reports kept as `packing` makes them (PACKED: their JSON, for `check --json`). */
export function checkFileReports<F>(data: ArrayBuffer | Uint8Array, given: Profile, options: FileCheckOptions, packing: ReportPacking<F>): FileReports<F>;
export function checkFileReports(data: ArrayBuffer | Uint8Array, given: Profile, options: FileCheckOptions = {}, packing: ReportPacking<unknown> = AS_OBJECTS): FileReports<unknown> {
  const r = streamedCheck(data, REPORT_LIMITS, given, options, (source, profile, o) => checkSheetReports(source, profile, o, packing));
  return r.ok ? { ok: true, profileChoice: r.profileChoice, ...r.checked } : r;
}

/** One part of checkFileReports (checkFileReportPart): null when the workbook must be checked in one pass. */
export type FileReportPart<F = FormReport> = { readonly ok: true; readonly part: ReportPart<F> | null; readonly profileChoice: ProfileChoice } | UnreadableWorkbook;

/**
 * Part `index` of `of` of checkFileReports, for a large workbook checked by several worker threads: the sheets of
 * that contiguous run of the tab order (equal counts), read under its share of the workbook's limits; the parts put
 * together (reportsOfParts) are checkFileReports()'s reports. The 评分方案 is chosen as checkFileReports chooses it.
 */
export function checkFileReportPart(data: ArrayBuffer | Uint8Array, given: Profile, options: FileCheckOptions, index: number, of: number): FileReportPart;
/** The same with the forms' reports kept as `packing` makes them. */
export function checkFileReportPart<F>(data: ArrayBuffer | Uint8Array, given: Profile, options: FileCheckOptions, index: number, of: number, packing: ReportPacking<F>): FileReportPart<F>;
export function checkFileReportPart(data: ArrayBuffer | Uint8Array, given: Profile, options: FileCheckOptions, index: number, of: number, packing: ReportPacking<unknown> = AS_OBJECTS): FileReportPart<unknown> {
  const r = streamedCheck(data, { ...REPORT_LIMITS, share: 1 / of }, given, options, (source, profile, o) =>
    checkSheetReportPart(source, profile, o, { from: Math.floor((source.count * index) / of), to: Math.floor((source.count * (index + 1)) / of) }, packing),
  );
  return r.ok ? { ok: true, part: r.checked, profileChoice: r.profileChoice } : r;
}

export interface FileFixOptions extends FileCheckOptions {
  /** Add the 校验结果 sheet listing every finding (default true). */
  readonly findingsSheet?: boolean;
  /** Add (or replace) the 汇总 sheet: one row per form, worst first, with a link to each (default false). */
  readonly summarySheet?: boolean;
  /**
   * The 评分方案 to keep in the copy's store (a built-in id or a profile document), when it differs from the one the
   * workbook keeps: a copy scored with another 评分方案 says so to the add-in and the next `ziping check`.
   */
  readonly recordProfile?: string;
}

export type FileFix =
  | {
      readonly ok: true;
      readonly result: WorkbookResult;
      readonly profileChoice: ProfileChoice;
      readonly bytes: Uint8Array;
      readonly written: number;
      readonly highlighted: number;
      /** The workbook holds macros (.xlsm / .xltm): the copy keeps them, and its content type, so it must be saved as such. */
      readonly macroEnabled: boolean;
      /** The name of the 校验结果 sheet in the copy (校验结果(2)… when the user has a sheet of that name); null when none. */
      readonly findingsSheet: string | null;
      /** The name of the 汇总 sheet in the copy (汇总(2)… when the user has one); null when none. */
      readonly summarySheet: string | null;
      /**
       * With findingsSheet false: the 校验结果 sheet an earlier copy carried, left in this one as it was (so it no longer
       * describes the copy); null when there is none or it was replaced.
       */
      readonly staleFindingsSheet: string | null;
      /** What the copy leaves out of the input, in Chinese (zip entries that are no part of a package); usually none. */
      readonly notes: readonly string[];
    }
  | UnreadableWorkbook;

/**
 * Why a copy the in-place edit could not make was not made (a WorkbookError's reason, or a package shape the editor
 * does not know). Nothing is written either way.
 */
const NO_COPY = "无法生成已计分副本（工作簿的结构无法识别），未写入任何内容；请用 Excel 或 WPS 另存为 .xlsx 后再试";

/** Whether a package holds macros (.xlsm / .xltm): its copy keeps them, so it must be saved as such. */
export function isMacroEnabled(source: WorkbookSource): boolean {
  return /macroEnabled/i.test(source.workbook.contentType);
}

export type ScoredCopy =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly findingsSheet: string | null; readonly summarySheet: string | null; readonly notes: readonly string[] }
  | UnreadableWorkbook;

/**
 * The scored copy of a checked workbook: each form's write plan applied (rules.md §5), a 校验结果 sheet listing the
 * findings for those who open it without the add-in, and on request a 汇总 sheet. The copy is the input package
 * edited in place (write/scoredCopy.ts): every part the plan does not touch is kept byte for byte — the workbook's
 * store sheet too, unless a store is given (`store`, or a `recordProfile` to keep), which is then written in its
 * place, very hidden. The 汇总 sheet's writer is loaded only when one is asked for.
 */
export async function scoredCopyOf(
  checked: CheckedForCopy,
  options: Pick<FileFixOptions, "findingsSheet" | "summarySheet" | "store" | "recordProfile"> = {},
): Promise<ScoredCopy> {
  const { result, source, sheets } = checked;
  const plans = result.sheets.map((s) => s.plan).filter((p): p is WritePlan => p !== null);
  const reports = result.sheets.map((s) => s.report);
  const names = source.workbook.sheets.map((s) => s.name);
  const own: OwnSheet[] = [];
  let summaryName: string | null = null;
  let findingsName: string | null = null;
  if (options.summarySheet && reports.some((r) => r.isForm)) {
    const { summaryOwnSheet } = await import("./summarySheet");
    const summary = await summaryOwnSheet(result, sheets, names);
    summaryName = summary.name;
    own.push(summary);
  }
  if ((options.findingsSheet ?? true) && reports.some((r) => r.isForm)) {
    // its own small chunk in the pane: the pane's first load does not carry the 校验结果 writer
    const { findingsOwnSheet } = await import("./findingsSheet");
    const findings = findingsOwnSheet(result, sheets, [...names, ...own.map((s) => s.name)]);
    findingsName = findings.name;
    own.push(findings);
  }
  // the store is rewritten only when it changes: a given one (the pane's decisions), or a 评分方案 to record
  const record = options.recordProfile !== undefined && options.recordProfile !== result.store.profile ? options.recordProfile : null;
  if (options.store || record !== null) {
    const store = record !== null ? withProfile(result.store, record) : result.store;
    own.push(storeOwnSheet(sheets, [...names, ...own.map((s) => s.name)], store));
  }
  try {
    return { ok: true, bytes: scoredCopy(source, sheets, plans, own), findingsSheet: findingsName, summarySheet: summaryName, notes: copyNotes(source.zip) };
  } catch (e) {
    return failure(e, NO_COPY);
  }
}

/** 校验并计分 on a file: the check and the scored copy's bytes (see scoredCopyOf). */
export async function fixFile(data: ArrayBuffer | Uint8Array, profile: Profile, options: FileFixOptions = {}): Promise<FileFix> {
  const checked = checkForCopy(data, profile, options);
  if (!checked.ok) return checked;
  const copy = await scoredCopyOf(checked, options);
  if (!copy.ok) return copy;
  const totals = planTotals(checked.result);
  return {
    ok: true,
    result: checked.result,
    profileChoice: checked.profileChoice,
    bytes: copy.bytes,
    written: totals.writes,
    highlighted: totals.highlights,
    macroEnabled: isMacroEnabled(checked.source),
    findingsSheet: copy.findingsSheet,
    summarySheet: copy.summarySheet,
    staleFindingsSheet: copy.findingsSheet === null ? (checked.sheets.find((x) => x.isFindingsSheet)?.name ?? null) : null,
    notes: copy.notes,
  };
}

export type StoreWrite = { readonly ok: true; readonly bytes: Uint8Array; readonly notes: readonly string[] } | UnreadableWorkbook;

/**
 * The workbook with its store sheet written (评分方案, 已忽略 decisions, taught header words): in place of the one it
 * has (found by its marker in A1, whatever its name or state), or added at the end as a very hidden sheet; its cells
 * all text. Every other part is kept byte for byte. The pane's file mode saves its decisions into the downloaded copy
 * with it; `ziping check` then reads them.
 */
export async function writeStore(data: ArrayBuffer | Uint8Array, store: WorkbookStore): Promise<StoreWrite> {
  const reading = await readWorkbook(data);
  return reading.ok ? storeWritten(reading, store) : reading;
}

/** writeStore() on a workbook already read. */
function storeWritten(reading: Extract<WorkbookReading, { ok: true }>, store: WorkbookStore): StoreWrite {
  const own = storeOwnSheet(reading.sheets, reading.source.workbook.sheets.map((s) => s.name), store);
  try {
    return { ok: true, bytes: scoredCopy(reading.source, reading.sheets, [], [own], { fullCalcOnLoad: false }), notes: copyNotes(reading.source.zip) };
  } catch (e) {
    return failure(e, NO_COPY);
  }
}

/**
 * The workbook with its store changed (the pane's file mode: 忽略, 取消忽略, 表头设置): the store read from the file as
 * it is, `change` applied, written back by writeStore. A change refused (an error can't be ignored; no reason) writes
 * nothing and says why.
 */
export async function changeStore(
  data: ArrayBuffer | Uint8Array,
  change: (store: WorkbookStore) => StoreUpdate,
): Promise<{ readonly ok: true; readonly bytes: Uint8Array; readonly store: WorkbookStore } | UnreadableWorkbook | { readonly ok: false; readonly code: "STORE_REFUSED"; readonly message: string }> {
  const reading = await readWorkbook(data);
  if (!reading.ok) return reading;
  const changed = change(readStore(reading.grids));
  if (!changed.ok) return { ok: false, code: "STORE_REFUSED", message: changed.message };
  const written = storeWritten(reading, changed.store);
  return written.ok ? { ok: true, bytes: written.bytes, store: changed.store } : written;
}

/**
 * The .xlsx bytes of a template sheet. The workbook asks for a full recalculation on load, so every spreadsheet
 * shows the formulas' own results whatever cached values it finds.
 */
export async function templateBytes(spec: SheetSpec): Promise<Uint8Array> {
  // loaded when a template is made (its own chunk in the pane)
  const { specSheetPackage } = await import("./write/specSheet");
  return specSheetPackage(spec, { fullCalcOnLoad: true });
}

export type TemplateFile =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly spec: SheetSpec; readonly year: number; readonly from?: string; readonly fromKind?: FormKind }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** 新建自评表 as .xlsx bytes. */
export async function newTemplateFile(profile: Profile, options: { readonly year?: number; readonly kind?: "project" | "department" } = {}): Promise<TemplateFile> {
  const made = newTemplate(profile, options);
  if (!made.ok) return made;
  return { ok: true, bytes: await templateBytes(made.spec), spec: made.spec, year: made.year };
}

/** 生成下年度模板 from an .xlsx: from the sheet named, or from the first sheet that is a 自评表. */
export async function nextYearTemplateFile(data: Uint8Array, profile: Profile, options: { readonly sheet?: string } = {}): Promise<TemplateFile> {
  const reading = await readWorkbook(data);
  if (!reading.ok) return reading;
  const made = nextYearTemplate(reading.sheets.filter((s) => !s.isFindingsSheet && !s.isSummarySheet).map((s) => s.grid), profile, options);
  if (!made.ok) return made;
  return { ok: true, bytes: await templateBytes(made.spec), spec: made.spec, year: made.year, from: made.from, ...(made.fromKind ? { fromKind: made.fromKind } : {}) };
}
