import type { FormDetails, ScoredCopy, SummaryRow, WrittenCell } from "../app";
import { worstFirst } from "../app";
import { summaryRowsOf } from "./summaryRowsOf";
import type { SheetReport } from "../engine";
import type { PaneState, StaleReason } from "./paneTypes";

/** What the pane shows, read from its state: pure functions, each screen's slice is built from these (slices.ts). */

/**
 * Every sheet's report the pane knows: a file check's; in Excel, the last 校验全部 with the sheet checked since (by
 * 校验并计分) in place of its own.
 */
export function allReports(state: PaneState): readonly SheetReport[] {
  const o = state.outcome;
  if (o && "reports" in o) return o.reports;
  const fromWorkbook = state.workbook?.reports ?? [];
  // the reducer puts the sheet just checked into the workbook's reports: then they are the list, as they are (the same
  // array each render, so the rows made of it are made once)
  if (!o || fromWorkbook.includes(o.report)) return fromWorkbook;
  return fromWorkbook.some((r) => r.sheet === o.report.sheet) ? fromWorkbook.map((r) => (r.sheet === o.report.sheet ? o.report : r)) : [...fromWorkbook, o.report];
}

/** The workbook view: one row per form of every sheet known, worst first. */
export function workbookRows(state: PaneState): readonly SummaryRow[] {
  // the pane is drawn again on every change (a click, a filter): the rows of the same reports are made once
  const reports = allReports(state);
  let rows = rowsOf.get(reports);
  if (!rows) {
    rows = worstFirst(summaryRowsOf(reports));
    rowsOf.set(reports, rows);
  }
  return rows;
}

const rowsOf = new WeakMap<readonly SheetReport[], readonly SummaryRow[]>();

/** The details (finding keys, headers not placed) of the form on show, or null. */
export function shownDetails(state: PaneState): FormDetails | null {
  const sheet = state.report?.sheet;
  if (!sheet) return null;
  const o = state.outcome;
  const fromOutcome = o && (("reports" in o) || o.report.sheet === sheet) ? o.details[sheet] : undefined;
  const details = fromOutcome ?? state.workbook?.details[sheet];
  return details?.[state.form] ?? null;
}

/**
 * The report of the form on show: the sheet's report narrowed to that form (its form and findings), so the summary
 * and the finding list show one form even when the sheet holds several.
 */
export function shownForm(state: PaneState): SheetReport | null {
  const r = state.report;
  if (!r || !r.isForm || r.forms.length <= 1) return r;
  const f = r.forms[Math.min(state.form, r.forms.length - 1)];
  return { ...r, form: f.form, findings: f.findings };
}

/** The form sheets of the last file check, for the 工作表 choice (Excel checks one sheet at a time). */
export function formReports(state: PaneState): readonly SheetReport[] {
  const o = state.outcome;
  return o && "reports" in o ? o.reports.filter((r) => r.isForm) : [];
}

/** Why the result on show no longer matches what is chosen, or null when it does. */
export function staleReason(state: PaneState): StaleReason | null {
  const o = state.outcome;
  if (!o) return null;
  if (o.profileId !== state.profileId) return "profile";
  if (state.activeSheet !== null && !("reports" in o) && o.report.sheet !== state.activeSheet) return "sheet";
  if (state.undone) return "undone";
  return null;
}

/** Whether the result on show is out of date (see staleReason). */
export function isStale(state: PaneState): boolean {
  return staleReason(state) !== null;
}

/** The scored copy to download (file mode), only while it matches the chosen 评分方案. */
export function scoredCopy(state: PaneState): ScoredCopy | null {
  const o = state.outcome;
  return o && "scored" in o && !isStale(state) ? o.scored : null;
}

/** The cells written (or, in Excel before 写入计算结果, to be written) on the sheet on show. */
export function shownWrites(state: PaneState): readonly WrittenCell[] {
  const o = state.outcome;
  const sheet = state.report?.sheet;
  if (!o || !sheet || isStale(state)) return [];
  return o.writes.filter((w) => w.sheet === sheet);
}

/** What the cells of the sheet on show display in the chosen file (file mode), by A1 address. */
export function shownCellText(state: PaneState): Readonly<Record<string, string>> | null {
  const o = state.outcome;
  const sheet = state.report?.sheet;
  return o && sheet && "cellText" in o ? (o.cellText[sheet] ?? null) : null;
}

/** The sheet a next year's template is built from in file mode: the form sheet on show. */
export function templateSheet(state: PaneState): string | undefined {
  return state.report?.isForm ? state.report.sheet : undefined;
}

