import { isEmptyValue, visibleCell } from "../grid/grid";
import { DEPARTMENT_FUNDS_ROWS, FUNDS_BLOCK, FUNDS_COLUMNS, FUNDS_ROWS, FundsColumn } from "../vocabulary/fields";
import { wordScore } from "../vocabulary/match";
import { isNoneMark } from "../vocabulary/marks";
import { assignColumns, headerScore, MIN_SCORE, PlacedColumn } from "./assignColumns";
import { bestField } from "../vocabulary/match";
import { BreakdownItem, FundsBreakdown, FundsLayout, FundsRowKind, LabelWeight, MissingPart, Pos, UnplacedLabel } from "./layout";
import { Label, SheetLabels, valueRightOf } from "./sheetLabels";

/** At most this many rows under the funds header belong to the funds table. */
const MAX_FUNDS_ROWS = 12;

function isAmount(labels: SheetLabels, row: number, col: number): boolean {
  const cell = visibleCell(labels.grid, row, col);
  if (!cell || isEmptyValue(cell.value)) return false;
  if (typeof cell.value === "number") return true;
  const text = String(cell.value).trim();
  return isNoneMark(text) || /^[+-]?[\d,，]+(\.\d+)?(万元|万|元)?$/.test(text.replace(/\s+/g, ""));
}

/** A funds-row label: 年度资金总额 (1), a known part such as 其中：当年财政拨款 (0.9), or none (0). */
function fundsRowKind(label: Label | undefined): { kind: FundsRowKind; score: number } | null {
  if (!label) return null;
  if (label.core.includes("小计")) return { kind: "subtotal", score: 1 };
  const total = wordScore(label.core, FUNDS_ROWS.fundsTotal);
  if (total >= 0.9 && !label.text.startsWith("其中")) return { kind: "fundsTotal", score: total };
  if (label.text.startsWith("其中")) return { kind: "part", score: 1 };
  const part = wordScore(label.core, FUNDS_ROWS.part);
  return part >= 0.6 ? { kind: "part", score: part } : null;
}

interface FundsHeader {
  readonly row: number;
  readonly labelCol: number;
  readonly columns: Partial<Record<FundsColumn, PlacedColumn>>;
  readonly unplaced: readonly Label[];
  readonly score: number;
}

/**
 * The column of the funds table's row labels: where the rows under a header row print 年度资金总额 / 其中… labels.
 * The amounts are right of it (a `年度预算数(万元)` heading above the row labels is no amount column).
 */
function labelColumn(labels: SheetLabels, headerRow: number): number | null {
  for (let r = headerRow + 1; r <= headerRow + 3; r++) {
    const known = labels.inRow(r).find((l) => fundsRowKind(l) !== null);
    if (known) return known.col;
  }
  return null;
}

/**
 * The budget the 执行率 divides by is whatever budget the form prints (rules.md §1.7): 全年预算数 / 调整后预算数 when
 * there is one, else the only one there is, 年初预算数(A) — unless a header could not be read: it may be the 全年预算数.
 */
function withBudget(columns: Partial<Record<FundsColumn, PlacedColumn>>, unplaced: readonly Label[]): Partial<Record<FundsColumn, PlacedColumn>> {
  // a header of no known field at all (`金额`) may be it; one of another field's words (`得分计算方法`) is not
  const unknown = unplaced.some((l) => (bestField(l.core, FUNDS_COLUMNS)?.score ?? 0) < MIN_SCORE);
  if (columns.budget || !columns.initialBudget || unknown) return columns;
  const { initialBudget, ...rest } = columns;
  return { ...rest, budget: initialBudget };
}

function readHeader(labels: SheetLabels, row: number, before: number): FundsHeader | null {
  const inRow = labels.inRow(row);
  const all = assignColumns(inRow, labels.vocab.funds);
  const first = withBudget(all.columns, all.unplaced.filter((l) => l.col > (all.columns.initialBudget?.col ?? 0)));
  if (!first.budget || !first.executed) return null;
  const labelCol = labelColumn(labels, row) ?? Math.min(...inRow.map((l) => l.col));
  // a heading over the row labels (`年度预算数(万元)` above 总额, 其中…) is no amount column: place the rest again
  const right = inRow.filter((l) => l.col > labelCol && l.row < before);
  const placed = assignColumns(right, labels.vocab.funds);
  const columns = withBudget(placed.columns, placed.unplaced);
  if (!columns.budget || !columns.executed) return null;
  return { row, labelCol, columns, unplaced: placed.unplaced, score: headerScore(columns) };
}

/** The funds table's header: the row that reads best as 全年预算数 | 全年执行数 | …, above `before`. */
export function findFundsHeader(labels: SheetLabels, before: number): FundsHeader | null {
  let best: FundsHeader | null = null;
  const rows = new Set(labels.all.filter((l) => l.row < before).map((l) => l.row));
  for (const row of rows) {
    const h = readHeader(labels, row, before);
    if (h && (!best || h.score > best.score)) best = h;
  }
  return best;
}

/**
 * The funds table under its header: the row labels, the kind of each row (the 年度资金总额 row, then every row
 * under it that prints amounts or a known part label), the amount columns, and the 分数 when a label prints it.
 */
export function locateFunds(labels: SheetLabels, header: FundsHeader, stopRows: ReadonlySet<number>, missing: MissingPart[], unplaced: UnplacedLabel[]): FundsLayout {
  const grid = labels.grid;
  const { row: headerRow, labelCol, columns: placed } = header;
  const near = { sheet: grid.sheet, row: headerRow, col: placed.budget!.col };
  const columns = {
    initialBudget: placed.initialBudget?.col,
    budget: placed.budget!.col,
    executed: placed.executed!.col,
    weight: placed.weight?.col,
    rate: placed.rate?.col,
    score: placed.score?.col,
  };
  for (const l of header.unplaced) unplaced.push({ text: l.text, at: { row: l.row, col: l.col }, where: "funds" });

  const found: { known: ReturnType<typeof fundsRowKind>; label: { row: number; col: number } }[] = [];
  for (let r = headerRow + 1; r <= Math.min(headerRow + MAX_FUNDS_ROWS, grid.rowCount); r++) {
    if (stopRows.has(r)) break;
    const known = fundsRowKind(labels.visibleAt(r, labelCol));
    const amounts = [columns.budget, columns.executed].some((c) => isAmount(labels, r, c));
    if (!known && !amounts) break;
    found.push({ known, label: { row: r, col: labelCol } });
  }
  // one 年度资金总额 row: the first that says so, else the first row unless it is a 其中 row; the others are its parts
  const named = found.findIndex((x) => x.known?.kind === "fundsTotal");
  const totalAt = named >= 0 ? named : found.length > 0 && !labels.visibleAt(found[0].label.row, labelCol)?.text.startsWith("其中") ? 0 : -1;
  const kinds = found.map((x, i) => ({ kind: (i === totalAt ? "fundsTotal" : x.known?.kind === "subtotal" ? "subtotal" : "part") as FundsRowKind, label: x.label }));
  if (totalAt < 0) missing.push({ severity: "error", part: "“年度资金总额”行", near });
  if (columns.rate === undefined) missing.push({ severity: "info", part: "项目资金表的“执行率”列", near });

  const strip = partsStripAbove(labels, headerRow, stopRows);
  const breakdowns = [...(strip ? [strip] : []), ...fundsBreakdowns(labels, (found.at(-1)?.label.row ?? headerRow) + 1, stopRows)];
  const weightLabel = fundsWeightLabel(labels, header, placed);
  if (columns.weight === undefined && !weightLabel) missing.push({ severity: "info", part: "项目资金表的“分数”列", near });
  if (columns.score === undefined) missing.push({ severity: "info", part: "项目资金表的“得分”列", near });
  return { headerRow, labelCol, columns, rows: kinds, ...(weightLabel ? { weightLabel } : {}), ...(breakdowns.length ? { breakdowns } : {}) };
}

/**
 * A 预算执行 分数 printed in a label: on the score column's header (`得分(20分*执行率)`), or on the block label at
 * the table's left (`预算执行情况(万元)(20分)`).
 */
function fundsWeightLabel(labels: SheetLabels, header: FundsHeader, placed: Partial<Record<FundsColumn, PlacedColumn>>): LabelWeight | undefined {
  const fromScore = placed.score?.label;
  if (fromScore?.weight) return { at: { row: fromScore.row, col: fromScore.col }, text: fromScore.text, weight: fromScore.weight };
  for (let r = header.row; r >= Math.max(1, header.row - 1); r--) {
    const block = labels.inRow(r).find((l) => l.col <= header.labelCol && l.weight !== null && wordScore(l.core, FUNDS_BLOCK) >= 0.6);
    if (block) return { at: { row: block.row, col: block.col }, text: block.text, weight: block.weight! };
  }
  return undefined;
}

/** Whether the funds block label or header says the amounts are in 元 (the usual is 万元). */
export function amountUnitOf(labels: SheetLabels, headerRow: number): "万元" | "元" {
  const near = [...labels.inRow(headerRow), ...labels.inRow(headerRow - 1)];
  return near.some((l) => /\(元\)/.test(l.text) && (wordScore(l.core, FUNDS_BLOCK) > 0 || wordScore(l.core, labels.vocab.funds.budget) > 0))
    ? "元"
    : "万元";
}

/**
 * Signs of a funds table whose header could not be read, above `before`: its block label (`项目资金(万元)`), its
 * 年度资金总额 row, or a row placing one amount column. Returns where it is and the header labels not placed.
 */
export function unreadFundsTable(labels: SheetLabels, before: number): { near: { sheet: string; row: number; col: number }; unplaced: UnplacedLabel[] } | null {
  const above = labels.all.filter((l) => l.row < before);
  let best: { row: number; placed: number; unplaced: readonly Label[] } | null = null;
  for (const row of new Set(above.map((l) => l.row))) {
    const { columns, unplaced } = assignColumns(labels.inRow(row), labels.vocab.funds);
    const placed = [columns.budget, columns.executed, columns.initialBudget, columns.rate].filter((c) => c !== undefined).length;
    if (placed > 0 && (!best || placed > best.placed)) best = { row, placed, unplaced };
  }
  const sign = best ? labels.inRow(best.row)[0] : above.find((l) => wordScore(l.core, FUNDS_BLOCK) >= 0.6 || (fundsRowKind(l)?.kind === "fundsTotal" && !l.text.startsWith("其中")));
  if (!sign) return null;
  const unplaced = (best?.unplaced ?? []).filter((l) => !(wordScore(l.core, FUNDS_BLOCK) >= 0.6) && fundsRowKind(l) === null);
  return {
    near: { sheet: labels.grid.sheet, row: sign.row, col: sign.col },
    unplaced: unplaced.map((l) => ({ text: l.text, at: { row: l.row, col: l.col }, where: "funds" as const })),
  };
}

/** `其中: 一般公共预算:1325.68`, `按收入性质分:2030.12`, `政府性基金拨款:` — a label and the amount typed after its colon. */
export const BREAKDOWN_CELL = /^(?:其中\s*[:：]\s*)?([^:：\d]{2,30}?)\s*[:：]\s*([\d,，]*(?:\.\d+)?)\s*(?:万元|元)?$/;

/**
 * The breakdowns typed in cells right under the funds table (until a row of something else, or a goal or indicator
 * heading): the cells of each column a group, a `按…分` cell its head.
 */
function fundsBreakdowns(labels: SheetLabels, from: number, stopRows: ReadonlySet<number>): FundsBreakdown[] {
  const byCol = new Map<number, { head?: Pos; items: BreakdownItem[] }>();
  for (let r = from; r < from + MAX_FUNDS_ROWS && r <= labels.grid.rowCount && !stopRows.has(r); r++) {
    const cells = labels.inRow(r).filter((l) => typeof visibleCell(labels.grid, r, l.col)?.value === "string");
    const breakdown = cells.filter((l) => BREAKDOWN_CELL.test(String(visibleCell(labels.grid, r, l.col)!.value).replace(/\s+/g, "")));
    if (breakdown.length === 0 || breakdown.length < cells.length) break;
    for (const l of breakdown) {
      const group = byCol.get(l.col) ?? { items: [] };
      if (/^按.{1,8}分/.test(l.core) && !group.head && group.items.length === 0) group.head = { row: l.row, col: l.col };
      else group.items.push({ label: { row: l.row, col: l.col } });
      byCol.set(l.col, group);
    }
  }
  return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g).filter((g) => g.items.length > 0);
}

/** `基本支出总额`, `项目支出合计`, `人员经费`: a part of a department's money named as a label, not a row of the table. */
function isPartLabel(l: Label): boolean {
  return wordScore(l.core.replace(/(?:总额|合计|总计|小计)$/, ""), DEPARTMENT_FUNDS_ROWS) === 1;
}

const AMOUNT_TEXT = /^[\d,，]+(?:\.\d+)?(?:万元|万|元)?$/;

/**
 * The parts of a department's money printed as labels and amounts side by side in a row just above the funds table
 * (the Hubei 部门整体 form: `基本支出总额 | 864.2万 | 项目支出总额 | 0` over `部门整体支出总额 | 864.2 | …`): a group that
 * adds up to the 全年预算数. Two parts at least, each with an amount beside it, or it is no strip.
 */
function partsStripAbove(labels: SheetLabels, headerRow: number, stopRows: ReadonlySet<number>): FundsBreakdown | undefined {
  for (let r = headerRow - 1; r >= Math.max(1, headerRow - 2); r--) {
    if (stopRows.has(r)) return undefined;
    const parts = labels.inRow(r).filter(isPartLabel);
    if (parts.length < 2) continue;
    const items: BreakdownItem[] = [];
    for (const l of parts) {
      const at = { row: l.row, col: l.col };
      const amount = valueRightOf(labels, at, isPartLabel);
      const cell = visibleCell(labels.grid, amount.row, amount.col);
      const value = cell?.value;
      const ok = typeof value === "number" || (typeof value === "string" && AMOUNT_TEXT.test(value.replace(/\s+/g, "")));
      if (!ok) return undefined;
      items.push({ label: at, amount });
    }
    return { items };
  }
  return undefined;
}
