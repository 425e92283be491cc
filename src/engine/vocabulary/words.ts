import type { Grade } from "../profiles/profile";
import { normalizeLabel } from "../grid/normalizeLabel";

/**
 * Words with a meaning for scoring: how a qualitative 实际完成值 says it was done, what a 评分等级 cell may say,
 * and the words and signs of a target's comparison. Matched against normalizeLabel() text.
 */
export const QUALITATIVE_WORDS = {
  achieved: ["达成", "已达成", "达成指标", "达成年度指标", "达成目标", "完成", "已完成", "完成指标", "全部完成", "全部达成", "达到", "已达到", "实现", "已实现", "是"],
  partial: ["部分达成", "基本达成", "部分完成", "基本完成", "部分实现", "基本实现", "部分达到", "基本达到"],
  missed: ["未达成", "未完成", "未达到", "未实现", "没有达成", "否"],
} as const;

/** What a 评分等级 cell may hold for each grade. */
export const GRADE_WORDS: Readonly<Record<string, Grade>> = Object.freeze({
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  合格: "中",
  差: "差",
  较差: "差",
  不合格: "差",
});

/** The grade a cell shows (`优`, `优秀`, ` 良 `, `優`), or null when it is none of them. */
export function readGrade(text: string): Grade | null {
  return GRADE_WORDS[normalizeLabel(text)] ?? null;
}

/** The comparison of a quantitative target. `implicit` is a bare number (`100%`, `1`), read as ≥. */
export type TargetOp = ">=" | ">" | "=" | "<=" | "<" | "implicit";

/** Signs and words that open a target, longest first within each operator (`≥`, `>=`, `不低于`, …). */
export const TARGET_OPERATORS: readonly (readonly [RegExp, Exclude<TargetOp, "implicit">])[] = [
  // signs in every width (rules.md §1.7): `≥=` and `=>` as typed, `＞＝` after toHalfWidth
  [/^(>=|≥=|=>|≥|≧|⩾|›=|大于等于|不低于|不少于)/, ">="],
  // `‹=` is how a ≤ comes out of some PDF-to-Excel conversions (the single guillemet ‹ for <)
  [/^(<=|≤=|=<|≤|≦|⩽|‹=|小于等于|不高于|不超过|不多于)/, "<="],
  [/^(>|大于|高于)/, ">"],
  [/^(<|小于|低于)/, "<"],
  [/^(==|=|═|﹦|等于)/, "="],
];

/** Words after the number that make it a comparison (`98%以上` is ≥ 98 %, `5次以内` ≤ 5 次). */
export const TARGET_SUFFIXES: readonly (readonly [RegExp, Exclude<TargetOp, "implicit">])[] = [
  [/(及以上|以上|或以上)$/, ">="],
  [/(及以下|以下|以内|或以下)$/, "<="],
];
