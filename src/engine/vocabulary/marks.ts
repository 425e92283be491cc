/**
 * The marks accountants type for "nothing here" in a number cell (`-`, `—`, `/`, `无`), and the rows that stand
 * in for an indicator and are none (`指标2:`, `……`, `/`).
 */
export const NONE_MARKS: ReadonlySet<string> = new Set(["", "-", "—", "–", "－", "/", "／", "——", "--", "无", "N/A", "n/a"]);

/** Whether a (trimmed) cell text means "none". */
export function isNoneMark(text: string): boolean {
  return NONE_MARKS.has(text);
}

/** Names of placeholder rows, matched against normalizeLabel() text. */
export const PLACEHOLDER_NAME = /^(指标\d*:?|[…．.。]+|\/|-|—|－|无)$/;
