import { CellRef } from "../grid/cellRef";

/** error: arithmetic or structure that does not add up; warning: breaks a scoring rule or a reviewer's check; info: worth a look. */
export type Severity = "error" | "warning" | "info";

/** The part of the form a finding belongs to, for grouping (资金 / 指标 / 总分与等级 / 目标 / 表格). */
export type FormPart = "form" | "funds" | "indicators" | "total" | "goal";

/** Stable API: the CLI report, the task pane and the tests use these names (rules.md §4). */
export const FINDING_CODES = {
  FORM_NOT_FOUND: { severity: "error", part: "form" },
  FIELD_MISSING: { severity: "error", part: "form" },
  VALUE_NOT_NUMBER: { severity: "error", part: "form" },
  /** A negative amount, 分数/分值 or 得分; the finding's part is set by what it concerns (funds, indicators, total). */
  NUMBER_NEGATIVE: { severity: "error", part: "funds" },
  VALUE_MISSING: { severity: "error", part: "indicators" },
  FUNDS_SUM_MISMATCH: { severity: "error", part: "funds" },
  EXEC_RATE_MISMATCH: { severity: "error", part: "funds" },
  BUDGET_SCORE_MISMATCH: { severity: "error", part: "funds" },
  EXEC_OVER_BUDGET: { severity: "warning", part: "funds" },
  /** 全年预算数 and 全年执行数 both 0: no 执行率 (0 ÷ 0), none written (issue 18; rules.md §3 said 0.00). */
  EXEC_RATE_UNDEFINED: { severity: "info", part: "funds" },
  BUDGET_ZERO_WITH_SPENDING: { severity: "error", part: "funds" },
  BUDGET_ADJUSTED: { severity: "info", part: "funds" },
  LOW_EXECUTION: { severity: "info", part: "funds" },
  /** The amounts are in another unit than the funds heading says (元 under 万元): rules.md §1.7, issue 18. */
  AMOUNT_UNIT_SUSPECT: { severity: "info", part: "funds" },
  WEIGHT_SUM_MISMATCH: { severity: "error", part: "total" },
  LEVEL1_HEADING_MISMATCH: { severity: "error", part: "indicators" },
  BUDGET_WEIGHT_NONSTANDARD: { severity: "warning", part: "funds" },
  LEVEL1_WEIGHT_NONSTANDARD: { severity: "info", part: "indicators" },
  LEVEL2_INVALID: { severity: "warning", part: "indicators" },
  MISSING_SATISFACTION: { severity: "warning", part: "indicators" },
  /** A 申报表 with no indicator under 产出 or 效益 (rules.md §7.2: every 一级 of the profile has one). */
  LEVEL1_MISSING: { severity: "warning", part: "indicators" },
  SCORE_OUT_OF_RANGE: { severity: "error", part: "indicators" },
  TOTAL_MISMATCH: { severity: "error", part: "total" },
  GRADE_MISMATCH: { severity: "error", part: "total" },
  SCORE_RULE_MISMATCH: { severity: "warning", part: "indicators" },
  DEVIATION_MISSING: { severity: "warning", part: "indicators" },
  SCORE_NEEDS_JUDGEMENT: { severity: "warning", part: "indicators" },
  OVERACHIEVED_UNEXPLAINED: { severity: "info", part: "indicators" },
  TARGET_TRIVIAL: { severity: "warning", part: "indicators" },
  TARGET_UNPARSEABLE: { severity: "warning", part: "indicators" },
  TARGET_NOT_QUANTIFIED: { severity: "info", part: "indicators" },
  UNIT_MISMATCH: { severity: "warning", part: "indicators" },
  PERCENT_OUT_OF_RANGE: { severity: "warning", part: "indicators" },
  COST_INCONSISTENT: { severity: "warning", part: "indicators" },
  GOAL_ACTUAL_COPIED: { severity: "warning", part: "goal" },
  GOAL_MISSING: { severity: "warning", part: "goal" },
  /** Workbook-level: 实际完成情况 is another form's 预期目标 (rules.md §6, form 6 and form 9). */
  GOAL_COPIED_FROM_OTHER_FORM: { severity: "warning", part: "goal" },
  /** Workbook- or folder-level: the same 项目名称 on two forms with different figures. */
  PROJECT_DUPLICATED: { severity: "warning", part: "form" },
  /** Workbook- or folder-level: most indicator rows the same as another project's, unchanged. */
  INDICATORS_COPIED_FROM_OTHER_FORM: { severity: "warning", part: "indicators" },
  FORMULA_DISAGREES: { severity: "error", part: "form" },
  /** rules.md §7.4: a 自评表 against its 申报表 — a target other than the declared one. */
  TARGET_CHANGED_FROM_DECLARATION: { severity: "warning", part: "indicators" },
  /** rules.md §7.4: a declared indicator the 自评表 does not have. */
  INDICATOR_DROPPED: { severity: "warning", part: "indicators" },
  /** rules.md §7.4: an indicator the 申报表 did not declare. */
  INDICATOR_ADDED: { severity: "info", part: "indicators" },
  /** rules.md §7.4: the 年初预算数 other than the declared 年度资金总额. */
  BUDGET_DIFFERS_FROM_DECLARATION: { severity: "info", part: "funds" },
  /** A header label the locator could not place (rules.md §1.6: "未识别的表头“…”"). */
  HEADER_UNRECOGNIZED: { severity: "info", part: "form" },
  /** Merged areas of the sheet that overlap (a damaged file; Excel repairs it on opening): read by the first one. */
  MERGE_OVERLAP: { severity: "warning", part: "form" },
} as const satisfies Record<string, { severity: Severity; part: FormPart }>;

export type FindingCode = keyof typeof FINDING_CODES;

export const ALL_CODES = Object.keys(FINDING_CODES) as FindingCode[];

/** Parameters a message is built from; every value already formatted for display ("93.77"). */
export type FindingParams = Readonly<Record<string, string>>;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly part: FormPart;
  /** The cells involved, most important first; the first one is where the user is taken. */
  readonly cells: readonly CellRef[];
  readonly params: FindingParams;
  /** What is wrong, the expected value and how to fix it, in Chinese. */
  readonly message: string;
  /** How the expected value was computed (`91.60 ÷ 97.68 × 100 = 93.77`), when it was. */
  readonly calculation?: string;
  /** A warning or info the user accepted (忽略) with a reason: still listed, as 已忽略, never painted or counted. */
  readonly ignored?: Acceptance;
}

/** Why a finding was accepted, by whom and when (who and when as the host tells them; may be empty). */
export interface Acceptance {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}
