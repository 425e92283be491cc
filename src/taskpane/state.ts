import { useReducer } from "react";
import type { CheckOutcome, FileCheckOutcome, HostFailure, ScoredCopy, WrittenCell } from "../app";
import { DEFAULT_PROFILE_ID, Severity, SheetReport } from "../engine";

/**
 * The pane's state in one reducer: what the user chose (评分方案, file, sheet, finding, filter), what the host
 * answered, and what is going on. A result carries the 评分方案 and the sheet it was computed for; once either is
 * no longer what is chosen (or 撤销上次写入 changed the sheet's values) it is out of date (`staleReason`), and its
 * write and download are off until the form is checked again.
 */
export type Notice = {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly text: string;
  /** Technical detail (an unexpected error's own text), shown under 详情, never as the message. */
  readonly detail?: string;
};

export type Outcome = CheckOutcome | FileCheckOutcome;

export type StaleReason = "profile" | "sheet" | "undone";

export interface PaneState {
  readonly profileId: string;
  /** What the pane is doing now (its Chinese label), or null when idle. */
  readonly busy: string | null;
  readonly notice: Notice | null;
  readonly file: { readonly name: string; readonly bytes: Uint8Array } | null;
  /** The last successful check. */
  readonly outcome: Outcome | null;
  /** The report on show: one of the outcome's, or one that came with a failure. */
  readonly report: SheetReport | null;
  /** The finding card last clicked (its key, see findingCards.ts). */
  readonly active: string | null;
  /** Only findings of this severity are listed (the counts filter); null: all. */
  readonly filter: Severity | null;
  /** Excel: the active sheet as last seen (null: not known, or file mode). */
  readonly activeSheet: string | null;
  /** The sheet's values were changed by 撤销上次写入 since the check. */
  readonly undone: boolean;
  /** Checks the user asked for (校验并计分, 写入计算结果): the pane moves the focus to the result after each. */
  readonly checks: number;
}

export type PaneAction =
  | { readonly type: "profileLoaded"; readonly id: string }
  | { readonly type: "profileChosen"; readonly id: string }
  | { readonly type: "started"; readonly label: string }
  | { readonly type: "finished" }
  | { readonly type: "notice"; readonly notice: Notice | null }
  | { readonly type: "fileChosen"; readonly file: { readonly name: string; readonly bytes: Uint8Array } }
  | { readonly type: "checked"; readonly outcome: Outcome; readonly notice: Notice; readonly focus?: boolean }
  | { readonly type: "failed"; readonly failure: HostFailure }
  | { readonly type: "sheetShown"; readonly sheet: string }
  | { readonly type: "findingActivated"; readonly key: string; readonly notice?: Notice }
  | { readonly type: "filterChosen"; readonly filter: Severity | null }
  | { readonly type: "activeSheetSeen"; readonly sheet: string }
  | { readonly type: "undone"; readonly notice: Notice };

export const initialPaneState: PaneState = {
  profileId: DEFAULT_PROFILE_ID,
  busy: null,
  notice: null,
  file: null,
  outcome: null,
  report: null,
  active: null,
  filter: null,
  activeSheet: null,
  undone: false,
  checks: 0,
};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "profileLoaded":
      return { ...state, profileId: action.id };
    case "profileChosen":
      return { ...state, profileId: action.id };
    case "started":
      return { ...state, busy: action.label, notice: null };
    case "finished":
      return { ...state, busy: null };
    case "notice":
      return { ...state, notice: action.notice };
    case "fileChosen":
      return { ...state, file: action.file, outcome: null, report: null, active: null, notice: null, filter: null };
    case "checked": {
      const { outcome } = action;
      // file mode keeps the sheet on show when the new result has it (a re-check after switching 评分方案)
      const shown = "reports" in outcome && state.report ? outcome.reports.find((r) => r.isForm && r.sheet === state.report!.sheet) : undefined;
      return {
        ...state,
        outcome,
        report: shown ?? outcome.report,
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
      return action.failure.report ? { ...state, notice, outcome: null, report: action.failure.report, active: null, filter: null } : { ...state, notice };
    }
    case "sheetShown": {
      const next = formReports(state).find((r) => r.sheet === action.sheet);
      return next ? { ...state, report: next, active: null, filter: null } : state;
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

export function usePaneState() {
  return useReducer(paneReducer, initialPaneState);
}
