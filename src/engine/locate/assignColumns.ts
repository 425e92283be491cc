import type { Vocabulary } from "../vocabulary/fields";
import { bestField } from "../vocabulary/match";
import { Label } from "./sheetLabels";

/** A label placed as a table's column: which field it is and how well its words say so. */
export interface PlacedColumn {
  readonly col: number;
  readonly score: number;
  readonly label: Label;
}

/**
 * Between two labels of one field, the year's wins (rules.md §7.2: a 申报表 may print `指标值(长期)` beside
 * `指标值(年度)`, `中期指标值` beside `年度指标值`): 1 for the year's, -1 for a multi-year one, 0 for neither.
 */
function yearFirst(l: Label): number {
  if (/长期|中期|实施期/.test(l.text)) return -1;
  return /年度|当年|本年/.test(l.text) ? 1 : 0;
}

/** The lowest score that places a label: a label that contains a field's word with little else around it. */
export const MIN_SCORE = 0.6;

/**
 * Place a header row's labels as columns: each label gets the field its words fit best, each field the column
 * that fits it best (the best-fitting first, so an exact `调整后预算数` wins over a `年度预算数` heading beside it).
 * Labels placed nowhere are returned too, so the form can say which it could not read.
 */
export function assignColumns<F extends string>(
  labels: readonly Label[],
  vocabulary: Vocabulary<F>,
): { readonly columns: Partial<Record<F, PlacedColumn>>; readonly unplaced: readonly Label[] } {
  const candidates = labels
    .map((label) => ({ label, match: bestField(label.core, vocabulary) }))
    .filter((c): c is { label: Label; match: NonNullable<typeof c.match> } => c.match !== null && c.match.score >= MIN_SCORE)
    .sort((a, b) => b.match.score - a.match.score || yearFirst(b.label) - yearFirst(a.label) || a.label.col - b.label.col);
  const columns: Partial<Record<F, PlacedColumn>> = {};
  const used = new Set<Label>();
  for (const { label, match } of candidates) {
    if (columns[match.field] || used.has(label)) continue;
    columns[match.field] = { col: label.col, score: match.score, label };
    used.add(label);
  }
  return { columns, unplaced: labels.filter((l) => !used.has(l)) };
}

/** The sum of the placed columns' scores: how well a row reads as this table's header. */
export function headerScore<F extends string>(columns: Partial<Record<F, PlacedColumn>>): number {
  return Object.values<PlacedColumn | undefined>(columns).reduce((s, c) => s + (c?.score ?? 0), 0);
}
