import { useReducer } from "react";
import { allReports, formReports, workbookRows } from "./selectors";
import type { CheckOutcome, FormDetails, WorkbookOutcome } from "../app";
import { DEFAULT_PROFILE_ID, SheetReport } from "../engine";

/**
 * The pane's state in one reducer: what the user chose (评分方案, file, sheet, finding, filter), what the host
 * answered, and what is going on. A result carries the 评分方案 and the sheet it was computed for; once either is
 * no longer what is chosen (or 撤销上次写入 changed the sheet's values) it is out of date (`staleReason`), and its
 * write and download are off until the form is checked again.
 */
export type { Notice, Outcome, StaleReason, ProfileFrom, PaneState, PaneAction } from "./paneTypes";
import type { Notice, PaneAction, PaneState } from "./paneTypes";

export const initialPaneState: PaneState = {
  profileId: DEFAULT_PROFILE_ID,
  profileFrom: null,
  rememberedProfile: null,
  askProfile: false,
  busy: null,
  notice: null,
  file: null,
  outcome: null,
  report: null,
  form: 0,
  workbook: null,
  edited: [],
  active: null,
  filter: null,
  activeSheet: null,
  undone: false,
  checks: 0,
};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "profileLoaded":
      return { ...state, profileId: action.id, profileFrom: action.from, askProfile: false, rememberedProfile: action.from === "remembered" ? action.id : state.rememberedProfile };
    case "profileAsk":
      return { ...state, askProfile: true, profileFrom: null };
    case "profileChosen":
      // remembered in this browser too (the pane saves it), so the next file without a 评分方案 of its own uses it
      return { ...state, profileId: action.id, profileFrom: "chosen", askProfile: false, rememberedProfile: action.id };
    case "profileSaved":
      return { ...state, profileFrom: "workbook" };
    case "started":
      return { ...state, busy: action.label, notice: null };
    case "finished":
      return { ...state, busy: null };
    case "notice":
      return { ...state, notice: action.notice };
    case "fileChosen": {
      // a new file starts from the remembered 评分方案; its own (if it keeps one) wins once it is checked
      const back = state.rememberedProfile !== null && (state.profileFrom === "workbook" || state.profileFrom === "chosen");
      const profile = back ? { profileId: state.rememberedProfile!, profileFrom: "remembered" as const } : {};
      return { ...state, ...profile, file: action.file, outcome: null, report: null, form: 0, active: null, notice: null, filter: null };
    }
    case "fileUpdated":
      // the same file with its store changed (忽略, 表头设置): what is on show stays until the re-check replaces it
      return { ...state, file: action.file };
    case "checked": {
      const { outcome } = action;
      // file mode keeps the sheet on show when the new result has it (a re-check after switching 评分方案)
      const shown = "reports" in outcome && state.report ? outcome.reports.find((r) => r.isForm && r.sheet === state.report!.sheet) : undefined;
      const report = shown ?? outcome.report;
      // file mode: the file's own 评分方案 was used — it is the one in use now
      const own = outcome.profileFrom === "workbook" ? { profileId: outcome.profileId, profileFrom: "workbook" as const } : {};
      return {
        ...state,
        ...own,
        outcome,
        report,
        form: shown && state.form < report.forms.length ? state.form : 0,
        // Excel: the sheet checked now is in the workbook view as checked now; its highlights are drawn anew
        workbook: state.workbook && !("reports" in outcome) ? withSheet(state.workbook, outcome.report, outcome.details[outcome.report.sheet]) : state.workbook,
        edited: state.edited.filter((s) => s !== outcome.report.sheet),
        active: null,
        notice: action.notice,
        activeSheet: "reports" in outcome ? null : outcome.report.sheet,
        undone: false,
        checks: action.focus ? state.checks + 1 : state.checks,
      };
    }
    case "failed": {
      const notice: Notice = { intent: action.failure.code === "FORM_NOT_FOUND" ? "warning" : "error", text: action.failure.message };
      // a failure that read the sheet (protected, not a form) shows what it read; the previous result is gone
      return action.failure.report ? { ...state, notice, outcome: null, report: action.failure.report, form: 0, active: null, filter: null } : { ...state, notice };
    }
    case "sheetShown": {
      const next = formReports(state).find((r) => r.sheet === action.sheet);
      return next ? { ...state, report: next, form: 0, active: null, filter: null } : state;
    }
    case "formShown": {
      const next = allReports(state).find((r) => r.sheet === action.sheet);
      if (!next || action.form >= Math.max(1, next.forms.length)) return state;
      // Excel: the sheet on show becomes the active one (the host activates it)
      return { ...state, report: next, form: action.form, active: null, filter: null, activeSheet: state.activeSheet === null ? null : action.sheet };
    }
    case "workbookChecked": {
      const { outcome } = action;
      const onShow = state.report ? outcome.reports.find((r) => r.sheet === state.report!.sheet && r.isForm) : undefined;
      // the workbook view's first row (made once for these reports, and again from the cache when the view is drawn)
      const first = workbookRows({ ...state, workbook: outcome, outcome: null })[0];
      const report = onShow ?? (first ? outcome.reports.find((r) => r.sheet === first.sheet)! : null);
      return {
        ...state,
        workbook: outcome,
        // the single-sheet result stays (its writes and highlights) when it is for the same 评分方案; its report is renewed
        outcome: state.outcome && state.outcome.profileId === outcome.profileId && !("reports" in state.outcome) ? renewOutcome(state.outcome, outcome.reports) : state.outcome,
        report: report ?? state.report,
        form: onShow ? Math.min(state.form, Math.max(0, onShow.forms.length - 1)) : first ? first.form - 1 : 0,
        notice: action.notice,
        active: null,
        filter: null,
      };
    }
    case "sheetRechecked": {
      const { sheet, outcome } = action;
      const workbook = state.workbook ? withSheet(state.workbook, outcome.report, outcome.details) : null;
      const o = state.outcome;
      const renewed = o && o.profileId === outcome.profileId ? ("reports" in o ? o : o.report.sheet === sheet ? { ...o, report: outcome.report, details: { ...o.details, [sheet]: outcome.details } } : o) : o;
      const onShow = state.report?.sheet === sheet;
      return {
        ...state,
        workbook,
        outcome: renewed,
        report: onShow ? outcome.report : state.report,
        form: onShow ? Math.min(state.form, Math.max(0, outcome.report.forms.length - 1)) : state.form,
        edited: action.edited && !state.edited.includes(sheet) ? [...state.edited, sheet] : state.edited,
      };
    }
    case "findingActivated":
      return { ...state, active: action.key, ...(action.notice ? { notice: action.notice } : {}) };
    case "filterChosen":
      return { ...state, filter: action.filter };
    case "activeSheetSeen":
      return state.activeSheet === action.sheet ? state : { ...state, activeSheet: action.sheet };
    case "undone":
      return { ...state, undone: state.outcome !== null, notice: action.notice };
  }
}

/** The workbook result with one sheet's report (and details) replaced by a newer one. */
function withSheet(w: WorkbookOutcome, report: SheetReport, details: readonly FormDetails[] | undefined): WorkbookOutcome {
  const has = w.reports.some((r) => r.sheet === report.sheet);
  return {
    ...w,
    reports: has ? w.reports.map((r) => (r.sheet === report.sheet ? report : r)) : [...w.reports, report],
    details: { ...w.details, [report.sheet]: details ?? [] },
  };
}

/** A single-sheet result with its report taken from a newer check of every sheet (the checks across forms included). */
function renewOutcome(o: CheckOutcome, reports: readonly SheetReport[]): CheckOutcome {
  const report = reports.find((r) => r.sheet === o.report.sheet);
  return report ? { ...o, report } : o;
}

export * from "./selectors";

export function usePaneState() {
  return useReducer(paneReducer, initialPaneState);
}
