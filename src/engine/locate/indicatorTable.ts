import { INDICATOR_BLOCK, IndicatorColumn } from "../vocabulary/fields";
import { level1KindOfLevel2 } from "../vocabulary/levels";
import { bestField, wordScore } from "../vocabulary/match";
import { assignColumns, headerScore, MIN_SCORE, PlacedColumn } from "./assignColumns";
import { IndicatorBlock, IndicatorColumns, MissingPart, UnplacedLabel } from "./layout";
import { mergeAt } from "../grid/grid";
import { Label, SheetLabels } from "./sheetLabels";

type Placed = Partial<Record<IndicatorColumn, PlacedColumn>>;

/** A header row of an indicator table, before its rows are known. */
export interface IndicatorHeader {
  readonly row: number;
  /** 1, or 2 for a header printed on two rows (`年度指标值` over `指标性质 | 指标值 | 度量单位`, …). */
  readonly headerRows: number;
  readonly placed: Placed;
  readonly unplaced: readonly Label[];
  readonly score: number;
}

/**
 * The labels of a header printed on two rows, column by column: the lower row's, and the upper row's wherever nothing
 * of the lower row lies under it — a label merged down both rows (`实际完成值`), or an unmerged one with a blank
 * below. `绩效指标` over `一级指标 | 二级指标 | 三级指标` and `年度指标值` over `指标性质 | 指标值 | 度量单位` give way
 * to what they head (rules.md §1.7).
 */
function twoRowLabels(labels: SheetLabels, row: number): readonly Label[] {
  const lower = labels.inRow(row + 1);
  if (lower.length === 0) return [];
  const span = (l: Label) => {
    const m = mergeAt(labels.grid, l.row, l.col);
    return { left: m?.left ?? l.col, right: m?.right ?? l.col };
  };
  const under = lower.map(span);
  const upper = labels.inRow(row).filter((u) => {
    const s = span(u);
    return !under.some((x) => x.left <= s.right && x.right >= s.left);
  });
  return [...upper, ...lower].sort((a, b) => a.col - b.col);
}

/** The header a row of labels reads as: its columns, if it names the indicator and measures it. */
function headerOf(labels: SheetLabels, row: number, headerRows: 1 | 2, inHeader: readonly Label[]): IndicatorHeader | null {
  if (inHeader.length < 3) return null;
  const { columns, unplaced } = assignColumns(inHeader, labels.vocab.indicators);
  const named = columns.name || (columns.level1 && columns.level2);
  const measured = columns.target || columns.actual || columns.targetNature;
  if (!named || !measured || Object.keys(columns).length < 3) return null;
  return { row, headerRows, placed: columns, unplaced, score: headerScore(columns) };
}

/**
 * Whether a row reads as an indicator table's header: a 三级指标 (or 一级 and 二级) column and a 年度指标值 or
 * 实际完成值 column, three fields at least; alone, or with the row below it as one two-row header, whichever reads
 * better (the fields' scores say how well).
 */
function readHeader(labels: SheetLabels, row: number, fields: (row: number) => number): IndicatorHeader | null {
  // a header places three fields at least: a row naming fewer (most rows of a sheet) is no one-row header
  const one = fields(row) >= 3 ? headerOf(labels, row, 1, labels.inRow(row)) : null;
  // a second header row names fields too (a table's first rows name none): only then are the two read as one
  const two = fields(row) >= 1 && fields(row + 1) >= 2 ? headerOf(labels, row, 2, twoRowLabels(labels, row)) : null;
  // both rows must place a column (a row above a one-row header places none), and the second must add a field the
  // first lacks (the rows of a table under a one-row header add none)
  const placedRows = two ? new Set(Object.values<PlacedColumn | undefined>(two.placed).map((c) => c!.label.row)) : new Set<number>();
  if (two && placedRows.size === 2 && (!one || (two.score > one.score && Object.keys(two.placed).length > Object.keys(one.placed).length))) return two;
  return one;
}

/** Every indicator table's header row, top to bottom. */
export function findIndicatorHeaders(labels: SheetLabels): IndicatorHeader[] {
  const rows = [...new Set(labels.all.map((l) => l.row))].sort((a, b) => a - b);
  // how many of a row's labels name an indicator column, row by row once (the cheap test before placing columns)
  const counts = new Map<number, number>();
  const fields = (row: number): number => {
    let n = counts.get(row);
    if (n === undefined) {
      n = labels.inRow(row).filter((l) => (bestField(l.core, labels.vocab.indicators)?.score ?? 0) >= MIN_SCORE).length;
      counts.set(row, n);
    }
    return n;
  };
  const headers: IndicatorHeader[] = [];
  for (const row of rows) {
    const h = readHeader(labels, row, fields);
    if (h && !headers.some((x) => row < x.row + x.headerRows)) headers.push(h);
  }
  return headers;
}

/**
 * Two level columns and no 三级指标 column, the first holding 二级 names under its header (`一级指标 | 二级指标` over
 * `数量指标 | 办公大楼日常维修维护次数`, a municipal 目标表): the levels are printed one column to the left of their
 * headers — the second column names the indicators, the first their 二级 (the 一级 follows from it when reading).
 */
function shiftedLevels(labels: SheetLabels, h: IndicatorHeader, p: Placed): Placed {
  if (p.name || !p.level1 || !p.level2) return p;
  const first = labels.visibleAt(h.row + h.headerRows, p.level1.col);
  if (!first || level1KindOfLevel2(first.text) === null) return p;
  const { level1, level2, ...rest } = p;
  return { ...rest, level2: level1, name: level2 };
}

/**
 * The columns of one indicator table, or null with the FIELD_MISSING parts when it lacks what a table needs
 * (三级指标, 年度指标值, 实际完成值). A table without 分值 or 得分 is still read: its weights may be printed in labels,
 * or it is read and checked, never scored.
 */
export function indicatorColumns(labels: SheetLabels, h: IndicatorHeader, missing: MissingPart[], declaration = false): IndicatorColumns | null {
  // a target split by place (`指标方向 | 笏石街道办 | 埭头镇`): the first column after the sign is the value
  const byPlace = !h.placed.target && h.placed.targetNature ? h.unplaced.find((l) => l.col > h.placed.targetNature!.col) : undefined;
  const p: Placed = shiftedLevels(labels, h, byPlace ? { ...h.placed, target: { col: byPlace.col, score: 0, label: byPlace } } : h.placed);
  // the header row's first column: where the user starts reading the table
  const near = { sheet: labels.grid.sheet, row: h.row, col: Math.min(...Object.values<PlacedColumn | undefined>(p).map((c) => c?.col ?? Infinity)) };
  const split = p.targetNature || p.targetUnit;
  const target = !p.target ? undefined : split ? { nature: p.targetNature?.col, value: p.target.col, unit: p.targetUnit?.col } : p.target.col;
  // a header the reader could not place may be the column it lacks: then the table is ours to fail, not the form's
  const unread = unplacedHeaders(h, undefined).length > 0;
  const required = (part: string): MissingPart => (unread ? { severity: "info", part, near, unread } : { severity: "error", part, near });
  if (!p.name) missing.push(required("指标表的“三级指标”列"));
  if (target === undefined) missing.push(required("指标表的“年度指标值”列"));
  // a 申报表 declares targets: it has no 实际完成值, 得分 or 偏差原因 to miss (rules.md §7.1)
  if (!p.actual && !declaration) missing.push(required("指标表的“实际完成值”列"));
  if (!p.weight && !declaration) missing.push({ severity: "info", part: "指标表的“分值”列", near });
  if (!p.score && !declaration) missing.push({ severity: "info", part: "指标表的“得分”列", near });
  if (!p.deviation && !declaration) missing.push({ severity: "info", part: "指标表的“偏差原因分析及改进措施”列", near });
  if (!p.name || target === undefined || (!p.actual && !declaration)) return null;
  return {
    level1: p.level1?.col,
    level2: p.level2?.col,
    name: p.name.col,
    target,
    actual: p.actual?.col,
    weight: p.weight?.col,
    score: p.score?.col,
    deviation: p.deviation?.col,
  };
}

/**
 * The label over a whole indicator block, in the header row left of the table (`年度绩效目标(80分)`, `绩效指标`):
 * a label that names a block of indicators, or prints a weight, and is no column.
 */
export function blockLabel(h: IndicatorHeader, columns: IndicatorColumns): IndicatorBlock["label"] {
  const first = Math.min(...[columns.level1, columns.level2, columns.name].filter((c): c is number => c !== undefined));
  const l = h.unplaced.find((x) => x.col < first && (x.weight !== null || wordScore(x.core, INDICATOR_BLOCK) >= 0.6));
  return l ? { at: { row: l.row, col: l.col }, text: l.text, weight: l.weight } : undefined;
}

/** The header row's labels the table could not place (a block label left of the table aside), as findings will name them. */
export function unplacedHeaders(h: IndicatorHeader, block: IndicatorBlock["label"]): UnplacedLabel[] {
  const firstCol = Math.min(...Object.values<PlacedColumn | undefined>(h.placed).map((c) => c?.col ?? Infinity));
  return h.unplaced
    .filter((l) => !(block && l.row === block.at.row && l.col === block.at.col) && !(l.col < firstCol && (l.weight !== null || wordScore(l.core, INDICATOR_BLOCK) >= 0.6)))
    .map((l) => ({ text: l.text, at: { row: l.row, col: l.col }, where: "indicators" as const }));
}
