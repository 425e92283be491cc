/**
 * The domain vocabulary as data: field labels and their variants, the 一级/二级 names, the "none" marks,
 * the words of qualitative completion and of grades. The locator, the reader, the checks and the templates
 * import it; nothing here computes a score.
 */
export { LABELS, LEVEL1_WITH_WEIGHT } from "./labels";
export { LEVELS, LEVEL1_KINDS, isLevel1Name, level1KindOf, level1KindOfLevel2, level2Key, level2Belongs } from "./levels";
export type { Level1Kind, KnownLevel1 } from "./levels";
export { NONE_MARKS, isNoneMark, PLACEHOLDER_NAME } from "./marks";
export { QUALITATIVE_WORDS, GRADE_WORDS, TARGET_OPERATORS, TARGET_SUFFIXES } from "./words";
export type { TargetOp } from "./words";
