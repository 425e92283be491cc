import type { SummaryRow, WrittenCell } from "../app";
import { countBySeverity, FormReport, Severity, SeverityCounts, SheetReport } from "../engine";
import { Figures, figures } from "./explain";
import { ProfileOption, profileOf, profileOptions } from "./profiles";
import { allReports, shownCellText, shownForm, shownWrites, templateSheet, workbookRows } from "./selectors";
import type { PaneState, ProfileFrom } from "./state";

/**
 * Each screen of the pane gets its own slice of the state (result, written cells, findings, workbook, templates,
 * settings): plain data built here by pure functions, so a screen never reads what is not its own and each slice is
 * tested without rendering.
 */

export interface SettingsSlice {
  readonly profileId: string;
  readonly from: ProfileFrom | null;
  /** First use: ask before anything is checked. */
  readonly asking: boolean;
  readonly options: readonly ProfileOption[];
  readonly busy: boolean;
}

export function settingsSlice(state: PaneState): SettingsSlice {
  return { profileId: state.profileId, from: state.profileFrom, asking: state.askProfile, options: profileOptions(state.profileId), busy: state.busy !== null };
}

export interface ResultSlice {
  /** The form on show (its report narrowed to that form). */
  readonly report: SheetReport;
  readonly form: FormReport;
  readonly figures: Figures;
  /** Which form of which sheet: the 项目名称 alone cannot tell two forms of one name apart. */
  readonly sheet: string;
  /** 1-based, and how many the sheet holds (stacked or side by side). */
  readonly index: number;
  readonly of: number;
  /** 错误 / 警告 / 提示 as the list shows them (已忽略 apart). */
  readonly counts: SeverityCounts;
  readonly filter: Severity | null;
  /** Cells the computed value was written into (Excel after 写入计算结果; the scored copy): their 填写值 is the old one. */
  readonly written: ReadonlySet<string>;
  /** Where they were written: the sheet itself (Excel), or the scored copy (file mode; the file is left as it was). */
  readonly writtenIn: "sheet" | "copy";
}

export function resultSlice(state: PaneState): ResultSlice | null {
  const shown = shownForm(state);
  if (!shown?.isForm || !shown.form || !state.report) return null;
  // the 评分方案 the numbers were computed with: the result's own, else the one in use
  const profile = profileOf(state.outcome?.profileId ?? state.profileId);
  return {
    report: shown,
    form: shown.form,
    figures: figures(shown.form, profile),
    sheet: shown.sheet,
    index: state.form + 1,
    of: Math.max(1, state.report.forms.length),
    counts: countBySeverity(shown.findings),
    filter: state.filter,
    writtenIn: state.outcome && "scored" in state.outcome ? "copy" : "sheet",
    written: new Set(state.outcome && (state.outcome.written > 0 || "scored" in state.outcome) ? shownWrites(state).map((w) => w.cell) : []),
  };
}

export interface WrittenSlice {
  readonly writes: readonly WrittenCell[];
  /** written: Excel after 写入计算结果; pending: Excel before it; file: the scored copy. */
  readonly mode: "written" | "pending" | "file";
}

export function writtenSlice(state: PaneState, host: "excel" | "file"): WrittenSlice | null {
  if (!shownForm(state)?.isForm) return null;
  const mode = host === "file" ? "file" : state.outcome && state.outcome.written > 0 ? "written" : "pending";
  return { writes: shownWrites(state), mode };
}

export interface FindingsSlice {
  readonly report: SheetReport;
  readonly filter: Severity | null;
  readonly active: string | null;
  /** File mode: what the cells display, said in place when a card is clicked. */
  readonly cellText: Readonly<Record<string, string>> | null;
}

export function findingsSlice(state: PaneState): FindingsSlice | null {
  const shown = shownForm(state);
  if (!shown?.isForm) return null;
  return { report: shown, filter: state.filter, active: state.active, cellText: shownCellText(state) };
}

export interface WorkbookSlice {
  readonly rows: readonly SummaryRow[];
  /** The form on show (sheet and 0-based form index), marked in the table. */
  readonly current: { readonly sheet: string; readonly form: number } | null;
  /** How many forms each sheet holds, so stacked forms are numbered 第 1 张 / 第 2 张. */
  readonly formsOnSheet: Readonly<Record<string, number>>;
}

export function workbookSlice(state: PaneState): WorkbookSlice | null {
  const rows = workbookRows(state);
  if (!(rows.length > 1 || (state.workbook && rows.length > 0))) return null;
  const reports = allReports(state);
  let formsOnSheet = formsOf.get(reports);
  if (!formsOnSheet) {
    formsOnSheet = Object.fromEntries(reports.map((r) => [r.sheet, r.forms.length]));
    formsOf.set(reports, formsOnSheet);
  }
  return { rows, current: state.report ? { sheet: state.report.sheet, form: state.form } : null, formsOnSheet };
}

const formsOf = new WeakMap<readonly SheetReport[], Readonly<Record<string, number>>>();

export interface TemplatesSlice {
  /** 生成下年度模板 needs a form to start from (file mode: the chosen file's form on show). */
  readonly canNextYear: boolean;
  /** The sheet next year's template is built from in file mode. */
  readonly from: string | undefined;
}

export function templatesSlice(state: PaneState, host: "excel" | "file"): TemplatesSlice {
  return { canNextYear: host === "excel" || state.file !== null, from: templateSheet(state) };
}
