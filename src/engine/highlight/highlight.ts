import type { Severity } from "../findings/codes";

/**
 * The add-in's highlights as data, shared by both writers (Excel through Office.js, .xlsx through exceljs):
 * the palette, and the conditional-format rule that paints a cell and carries our tag. Because the rule is
 * recognised by its tag, a new run replaces the previous run's rules (whichever writer made them) and 清除标注
 * removes exactly ours, never the user's own rules or fills.
 */

/**
 * What a highlight marks: a finding's severity, or a cell the add-in wrote (rules.md §5: written cells are
 * marked apart from problem cells).
 */
export type HighlightKind = Severity | "written";

/** Fill colours as RGB hex (Excel's own "bad" / "neutral" / "note" / "good" cell styles). */
export const HIGHLIGHT_RGB: Readonly<Record<HighlightKind, string>> = Object.freeze({ error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7", written: "C6EFCE" });

/** What each colour means, in the words of the 校验结果 sheet and the pane. */
export const HIGHLIGHT_MEANING: Readonly<Record<HighlightKind, string>> = Object.freeze({ error: "错误", warning: "警告", info: "提示", written: "已写入" });

/** `#FFC7CE`: the form Office.js takes. */
export function highlightHex(kind: HighlightKind): string {
  return `#${HIGHLIGHT_RGB[kind]}`;
}

/** `FFFFC7CE`: the ARGB form of .xlsx files (exceljs). */
export function highlightArgb(kind: HighlightKind): string {
  return `FF${HIGHLIGHT_RGB[kind]}`;
}

/** The tag inside our rules' formula. */
export const HIGHLIGHT_TAG = "ziping";

/**
 * The formula of our rule, without the leading "=" (as an .xlsx stores it; Office.js shows it with "="):
 * always true, and carrying the tag.
 * @example highlightRuleFormula("error") //=> 'LEN("ziping:error")>0'
 * @example highlightRuleFormula("written") //=> 'LEN("ziping:written")>0'
 */
export function highlightRuleFormula(kind: HighlightKind): string {
  return `LEN("${HIGHLIGHT_TAG}:${kind}")>0`;
}

/** Whether a conditional format's formula is one of ours (with or without "=", any case). */
export function isOwnHighlightRule(formula: unknown): boolean {
  return typeof formula === "string" && formula.toLowerCase().includes(`"${HIGHLIGHT_TAG}:`);
}
