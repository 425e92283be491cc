import { useReducer } from "react";
import type { CheckOutcome, FileCheckOutcome, HostFailure } from "../app";
import { DEFAULT_PROFILE_ID, SheetReport } from "../engine";

/**
 * The pane's state in one reducer: what the user chose (评分方案, file, sheet, finding), what the host answered, and
 * what is going on. Results carry the 评分方案 they were computed with, so a result computed under another one is
 * visibly out of date (`isStale`) and its write and download are off until the form is checked again.
 */
export type Notice = { readonly intent: "success" | "error" | "info" | "warning"; readonly text: string };

export type Outcome = CheckOutcome | FileCheckOutcome;

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
  /** The finding last clicked (its index in report.findings). */
  readonly active: number | null;
}

export type PaneAction =
  | { readonly type: "profileLoaded"; readonly id: string }
  | { readonly type: "profileChosen"; readonly id: string }
  | { readonly type: "started"; readonly label: string }
  | { readonly type: "finished" }
  | { readonly type: "notice"; readonly notice: Notice | null }
  | { readonly type: "fileChosen"; readonly file: { readonly name: string; readonly bytes: Uint8Array } }
  | { readonly type: "checked"; readonly outcome: Outcome; readonly notice: Notice }
  | { readonly type: "failed"; readonly failure: HostFailure }
  | { readonly type: "sheetShown"; readonly sheet: string }
  | { readonly type: "findingActivated"; readonly index: number; readonly notice?: Notice };

export const initialPaneState: PaneState = {
  profileId: DEFAULT_PROFILE_ID,
  busy: null,
  notice: null,
  file: null,
  outcome: null,
  report: null,
  active: null,
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
      return { ...state, file: action.file, outcome: null, report: null, active: null, notice: null };
    case "checked":
      return { ...state, outcome: action.outcome, report: action.outcome.report, active: null, notice: action.notice };
    case "failed": {
      const notice: Notice = { intent: action.failure.code === "FORM_NOT_FOUND" ? "warning" : "error", text: action.failure.message };
      // a failure that read the sheet (protected, not a form) shows what it read; the previous result is gone
      return action.failure.report ? { ...state, notice, outcome: null, report: action.failure.report, active: null } : { ...state, notice };
    }
    case "sheetShown": {
      const next = formReports(state).find((r) => r.sheet === action.sheet);
      return next ? { ...state, report: next, active: null } : state;
    }
    case "findingActivated":
      return { ...state, active: action.index, ...(action.notice ? { notice: action.notice } : {}) };
  }
}

/** The form sheets of the last file check, for the 工作表 choice (Excel checks one sheet at a time). */
export function formReports(state: PaneState): readonly SheetReport[] {
  const o = state.outcome;
  return o && "reports" in o ? o.reports.filter((r) => r.isForm) : [];
}

/** Whether the result on show was computed under another 评分方案 than the one chosen now. */
export function isStale(state: PaneState): boolean {
  return state.outcome !== null && state.outcome.profileId !== state.profileId;
}

/** The scored copy to download (file mode), only while it matches the chosen 评分方案. */
export function scoredCopy(state: PaneState): { readonly name: string; readonly bytes: Uint8Array } | null {
  const o = state.outcome;
  return o && "scored" in o && !isStale(state) ? o.scored : null;
}

export function usePaneState() {
  return useReducer(paneReducer, initialPaneState);
}
