import type { CheckOutcome, FileCheckOutcome, HostFailure, SheetOutcome, WorkbookOutcome } from "../app";
import type { Severity, SheetReport } from "../engine";

/** The pane's state and actions (the reducer is state.ts; what is read from the state, selectors.ts). */

export type Notice = {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly text: string;
  /** Technical detail (an unexpected error's own text), shown under 详情, never as the message. */
  readonly detail?: string;
};

export type Outcome = CheckOutcome | FileCheckOutcome;

export type StaleReason = "profile" | "sheet" | "undone";

/** Where the 评分方案 in use came from: the workbook's own (its store), the one remembered in this browser, or chosen now. */
export type ProfileFrom = "workbook" | "remembered" | "chosen";

export interface PaneState {
  /** The 评分方案 in use: a built-in id, or a workbook's own profile document (JSON). */
  readonly profileId: string;
  /** Where it came from; null until the pane knows (at start-up), and while it asks. */
  readonly profileFrom: ProfileFrom | null;
  /** The 评分方案 chosen last in this browser (first use: none), for files that keep none of their own. */
  readonly rememberedProfile: string | null;
  /** First use: no 评分方案 known anywhere, so the pane asks before anything is checked. */
  readonly askProfile: boolean;
  /** What the pane is doing now (its Chinese label), or null when idle. */
  readonly busy: string | null;
  readonly notice: Notice | null;
  readonly file: { readonly name: string; readonly bytes: Uint8Array } | null;
  /** The last successful check. */
  readonly outcome: Outcome | null;
  /** The report of the sheet on show: one of the outcome's or the workbook's, or one that came with a failure. */
  readonly report: SheetReport | null;
  /** Which form of that sheet is on show (most sheets hold one: 0). */
  readonly form: number;
  /** Excel: the last 校验全部 (every sheet, nothing written), for the workbook view. */
  readonly workbook: WorkbookOutcome | null;
  /** Sheets re-checked after an edit since their highlights were drawn: their numbers are new, their marks are not. */
  readonly edited: readonly string[];
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
  | { readonly type: "profileLoaded"; readonly id: string; readonly from: "workbook" | "remembered" }
  | { readonly type: "profileAsk" }
  | { readonly type: "profileChosen"; readonly id: string }
  | { readonly type: "profileSaved" }
  | { readonly type: "started"; readonly label: string }
  | { readonly type: "finished" }
  | { readonly type: "notice"; readonly notice: Notice | null }
  | { readonly type: "fileChosen"; readonly file: { readonly name: string; readonly bytes: Uint8Array } }
  | { readonly type: "fileUpdated"; readonly file: { readonly name: string; readonly bytes: Uint8Array } }
  | { readonly type: "checked"; readonly outcome: Outcome; readonly notice: Notice; readonly focus?: boolean }
  | { readonly type: "failed"; readonly failure: HostFailure }
  | { readonly type: "sheetShown"; readonly sheet: string }
  | { readonly type: "findingActivated"; readonly key: string; readonly notice?: Notice }
  | { readonly type: "filterChosen"; readonly filter: Severity | null }
  | { readonly type: "activeSheetSeen"; readonly sheet: string }
  | { readonly type: "undone"; readonly notice: Notice }
  | { readonly type: "workbookChecked"; readonly outcome: WorkbookOutcome; readonly notice: Notice }
  | { readonly type: "formShown"; readonly sheet: string; readonly form: number }
  | { readonly type: "sheetRechecked"; readonly sheet: string; readonly outcome: SheetOutcome; readonly edited: boolean };

