import { anchorOf, isEmptyValue, mergeAt, visibleCell } from "../grid/grid";
import { FUNDS_ROWS } from "../vocabulary/fields";
import { wordScore } from "../vocabulary/match";
import { isNoneMark } from "../vocabulary/marks";
import { toHalfWidth } from "../grid/normalizeLabel";
import { DeclaredFundsLayout, FundsRowKind, Pos } from "./layout";
import { Label, SheetLabels, valueRightOf } from "./sheetLabels";

/** Words of the year's amount when a form prints only one (`预算数` as a column heading with the amount under it). */
const AMOUNT_HEADINGS = ["预算数", "年度预算数", "预算金额", "申请预算", "预算资金"];
const MEDIUM_TERM = /中期|总预算|实施期|项目总/;
const YEAR = /年度|当年|本年|本级/;

function isAmountCell(labels: SheetLabels, pos: Pos): boolean {
  const cell = visibleCell(labels.grid, pos.row, pos.col);
  if (!cell || isEmptyValue(cell.value)) return false;
  if (typeof cell.value === "number") return true;
  const text = toHalfWidth(String(cell.value)).replace(/\s+/g, "");
  // `16`, `10,000.00`, `250万`, `10000万元`, `854万(高标准农田建设400万元,…)`
  return isNoneMark(text) || /^[+-]?[\d,]+(\.\d+)?(万元|万|元)?(\(.*\))?$/.test(text);
}

const isTotalLabel = (l: Label) => !l.text.startsWith("其中") && (wordScore(l.core, FUNDS_ROWS.fundsTotal) >= 0.75 || /资金总额|预算总额|总预算/.test(l.core));

/** The amount of a label: the first value right of it, else the cell under it (a heading over a column of amounts). */
function amountOf(labels: SheetLabels, l: Label): Pos | null {
  const right = valueRightOf(labels, l, () => true);
  if (isAmountCell(labels, right)) return right;
  const below = { row: (mergeAt(labels.grid, l.row, l.col)?.bottom ?? l.row) + 1, col: l.col };
  const a = anchorOf(labels.grid, below.row, below.col);
  return isAmountCell(labels, a) ? { row: a.row, col: a.col } : null;
}

/** A 申报表's amounts above `before` (the first indicator table), or undefined when it prints none. */
export function locateDeclaredFunds(labels: SheetLabels, before: number): DeclaredFundsLayout | undefined {
  const above = labels.all.filter((l) => l.row < before);
  const totals = above.filter(isTotalLabel).map((l) => ({ l, at: amountOf(labels, l) })).filter((x): x is { l: Label; at: Pos } => x.at !== null);
  // a list of projects prints `预算数` in the indicator table's own header row, the amount under it
  const headings = labels.all
    .filter((l) => l.row <= before && wordScore(l.core, AMOUNT_HEADINGS) === 1).map((l) => ({ l, at: amountOf(labels, l) })).filter((x): x is { l: Label; at: Pos } => x.at !== null);
  const all = [...totals, ...headings];
  if (all.length === 0) return undefined;
  // the year's amount: a label that says so, else one that is no multi-year total
  const year = all.find((x) => YEAR.test(x.l.core) && !MEDIUM_TERM.test(x.l.core)) ?? all.find((x) => !MEDIUM_TERM.test(x.l.core)) ?? all[0];
  const medium = all.find((x) => x !== year && MEDIUM_TERM.test(x.l.core));
  const rows: { kind: FundsRowKind; label: Pos; value: Pos }[] = [{ kind: "fundsTotal", label: { row: year.l.row, col: year.l.col }, value: year.at }];
  // its parts: the labels under it in its column, each with its amount (or a blank, `其他资金 |`)
  const col = year.l.col;
  for (let r = (mergeAt(labels.grid, year.l.row, col)?.bottom ?? year.l.row) + 1; r < before && rows.length < 10; r++) {
    const l = labels.visibleAt(r, col);
    if (!l || l.row !== r || isTotalLabel(l) || MEDIUM_TERM.test(l.core)) break;
    const value = valueRightOf(labels, l, () => true);
    const blank = isEmptyValue(visibleCell(labels.grid, value.row, value.col)?.value);
    // a known part's amount is read whatever it holds (VALUE_NOT_NUMBER says when it is no number)
    const knownPart = l.text.startsWith("其中") || wordScore(l.core, FUNDS_ROWS.part) >= 0.6;
    if (!knownPart && (blank || !isAmountCell(labels, value))) break;
    rows.push({ kind: l.core.includes("小计") ? "subtotal" : "part", label: { row: l.row, col: l.col }, value });
  }
  return { rows, ...(medium ? { mediumTerm: { label: { row: medium.l.row, col: medium.l.col }, value: medium.at } } : {}) };
}
