import { Severity } from "../../engine";

/** The same palette as the .xlsx adapter's HIGHLIGHT_ARGB (Excel's bad / neutral / note fills). */
export const HIGHLIGHT_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

const TAG = "ziping";

/**
 * The rule formula of the add-in's own highlight: always true, and carrying a tag so that 清除标注 removes
 * exactly these rules and none of the user's conditional formats.
 */
export function highlightFormula(severity: Severity): string {
  return `=LEN("${TAG}:${severity}")>0`;
}

export function isOwnHighlightFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.toLowerCase().includes(`"${TAG}:`);
}

/** Our highlight rules among a loaded conditional-format collection (items/customOrNullObject/rule/formula). */
export function ownHighlights(collection: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return collection.items.filter((cf) => !cf.customOrNullObject.isNullObject && isOwnHighlightFormula(cf.customOrNullObject.rule.formula));
}

/** Queue loading what ownHighlights reads. */
export function loadHighlightRules(collection: Excel.ConditionalFormatCollection): void {
  collection.load("items/type,items/customOrNullObject/rule/formula");
}

/** Queue one highlight rule on a cell. */
export function queueHighlight(range: Excel.Range, severity: Severity): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = highlightFormula(severity);
  cf.custom.format.fill.color = HIGHLIGHT_COLORS[severity];
}
