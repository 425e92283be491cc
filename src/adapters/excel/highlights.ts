import { HighlightKind, highlightHex, highlightRuleFormula, isOwnHighlightRule } from "../../engine";

/**
 * The add-in's highlights in Excel: conditional formats whose rule is engine/highlight's tagged formula, so that a
 * new run replaces the previous one's (the CLI's included) and 清除标注 removes exactly these, never the user's.
 */

/** Our highlight rules among a loaded conditional-format collection (items/customOrNullObject/rule/formula). */
export function ownHighlights(collection: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return collection.items.filter((cf) => !cf.customOrNullObject.isNullObject && isOwnHighlightRule(cf.customOrNullObject.rule.formula));
}

/** Queue loading what ownHighlights reads. */
export function loadHighlightRules(collection: Excel.ConditionalFormatCollection): void {
  collection.load("items/type,items/customOrNullObject/rule/formula");
}

/** Queue one highlight rule on a cell. */
export function queueHighlight(range: Excel.Range, kind: HighlightKind): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = `=${highlightRuleFormula(kind)}`;
  cf.custom.format.fill.color = highlightHex(kind);
}
