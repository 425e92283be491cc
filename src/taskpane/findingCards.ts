import { FindingReport, findingPosition, SEVERITY_ORDER, Severity, SheetReport } from "../engine";
import { CODE_TITLE, PART_LABEL } from "./strings";

/**
 * The findings of a sheet as the pane lists them, like Excel's Accessibility Checker: grouped by severity
 * (错误 / 警告 / 提示), one card per indicator, funds row or cell that merges all of its findings, sorted by
 * position, and runs of the same kind of finding over one table summarised in one expandable line.
 * Pure: the component only renders this.
 */

/** One card: a place on the sheet (an indicator, a funds row, a cell) and everything found there. */
export interface FindingCard {
  readonly kind: "card";
  readonly key: string;
  /** The most severe of its findings: the group it is listed in. */
  readonly severity: Severity;
  /** What the place is: 指标“采购设备正常使用率”, 资金“年度资金总额”, 总分, … */
  readonly title: string;
  /** The cells of its findings, first seen first; the first is the one selected. */
  readonly cells: readonly string[];
  /** Most severe first, then in the engine's order. */
  readonly findings: readonly FindingReport[];
  readonly position: { readonly row: number; readonly col: number };
}

/** A run of cards with one and the same kind of finding over one table ("8 个指标缺年度指标值和实际完成值"). */
export interface RepeatedCards {
  readonly kind: "repeat";
  readonly key: string;
  readonly severity: Severity;
  readonly code: string;
  readonly label: string;
  readonly cards: readonly FindingCard[];
}

export type FindingItem = FindingCard | RepeatedCards;

export interface SeverityGroup {
  readonly severity: Severity;
  readonly items: readonly FindingItem[];
  /** Findings of this severity on the cards shown (a card in 错误 may also hold a 警告). */
  readonly findings: number;
  /** Cards shown in this group. */
  readonly places: number;
}

/** At least this many cards of one kind over one table are summarised in one line. */
export const REPEAT_MIN = 3;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings about a whole table or the form, never merged into the card of the row their cell happens to be on. */
const NOT_ROW_SCOPED = new Set(["FORM_NOT_FOUND", "FIELD_MISSING", "WEIGHT_SUM_MISMATCH", "LEVEL1_HEADING_MISMATCH", "LEVEL1_WEIGHT_NONSTANDARD", "LEVEL2_INVALID", "MISSING_SATISFACTION"]);

const rowOf = (a1: string | null | undefined) => (a1 ? findingPosition([a1]).row : null);

/** The rows of a form that are one thing each: indicators, funds rows, the 总分 and 评分等级 rows. */
function rowTitles(report: SheetReport): Map<number, string> {
  const rows = new Map<number, string>();
  const form = report.form;
  if (!form) return rows;
  for (const f of form.funds) {
    const r = rowOf(f.rate.cell) ?? rowOf(f.score?.cell);
    if (r !== null) rows.set(r, `资金“${f.label}”`);
  }
  for (const i of form.indicators) {
    const r = rowOf(i.score.cell);
    if (r !== null) rows.set(r, `指标“${i.name}”`);
  }
  const total = rowOf(form.total.cell) ?? rowOf(form.total.weight.cell);
  if (total !== null) rows.set(total, "总分");
  const grade = rowOf(form.grade.cell);
  if (grade !== null) rows.set(grade, "评分等级");
  return rows;
}

function cardTitle(f: FindingReport): string {
  return CODE_TITLE[f.code as keyof typeof CODE_TITLE] ?? PART_LABEL[f.part] ?? f.part;
}

/** One card per place: findings on the same indicator / funds row / cell merged, in position order. */
export function findingCards(report: SheetReport): FindingCard[] {
  const titles = rowTitles(report);
  const byKey = new Map<string, { title: string; findings: FindingReport[]; cells: string[]; position: { row: number; col: number } }>();
  for (const f of report.findings) {
    const position = findingPosition(f.cells);
    const rowTitle = NOT_ROW_SCOPED.has(f.code) ? undefined : titles.get(position.row);
    const key = rowTitle ? `row:${position.row}` : f.cells[0] ? `cell:${f.cells[0]}` : `code:${f.code}`;
    let card = byKey.get(key);
    if (!card) {
      card = { title: rowTitle ?? cardTitle(f), findings: [], cells: [], position };
      byKey.set(key, card);
    }
    card.findings.push(f);
    for (const c of f.cells) if (!card.cells.includes(c)) card.cells.push(c);
    if (position.row < card.position.row || (position.row === card.position.row && position.col < card.position.col)) card.position = position;
  }
  return [...byKey]
    .map(([key, c]) => {
      const findings = [...c.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      return { kind: "card" as const, key, severity: findings[0].severity, title: c.title, cells: c.cells, findings, position: c.position };
    })
    .sort((a, b) => a.position.row - b.position.row || a.position.col - b.position.col);
}

/** "8 个指标缺年度指标值和实际完成值", "5 个指标：得分与评分规则不符". */
export function repeatLabel(code: string, cards: readonly FindingCard[]): string {
  const unit = cards.every((c) => c.title.startsWith("指标“")) ? "个指标" : "处";
  if (code === "VALUE_MISSING") {
    const what = [...new Set(cards.flatMap((c) => c.findings.map((f) => /未填写([^，。；]+)/.exec(f.message)?.[1]).filter((w): w is string => !!w)))];
    if (what.length > 0) return `${cards.length} ${unit}缺${what.join("和")}`;
  }
  return `${cards.length} ${unit}：${CODE_TITLE[code as keyof typeof CODE_TITLE] ?? code}`;
}

/** Cards of one severity, with runs of one kind over one table folded into a RepeatedCards. */
function foldRepeats(severity: Severity, cards: readonly FindingCard[]): FindingItem[] {
  const single = (c: FindingCard) => {
    const codes = new Set(c.findings.map((f) => f.code));
    return codes.size === 1 ? `${c.findings[0].part}:${c.findings[0].code}` : null;
  };
  const runs = new Map<string, FindingCard[]>();
  for (const c of cards) {
    const k = single(c);
    if (k) runs.set(k, [...(runs.get(k) ?? []), c]);
  }
  const items: FindingItem[] = [];
  const done = new Set<string>();
  for (const c of cards) {
    const k = single(c);
    const run = k ? runs.get(k)! : null;
    if (!k || !run || run.length < REPEAT_MIN) {
      items.push(c);
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    const code = c.findings[0].code;
    items.push({ kind: "repeat", key: `repeat:${severity}:${k}`, severity, code, label: repeatLabel(code, run), cards: run });
  }
  return items;
}

/**
 * The groups the pane shows, 错误 then 警告 then 提示 (empty ones left out). With a filter, only cards holding a
 * finding of that severity.
 */
export function findingGroups(report: SheetReport, filter: Severity | null = null): SeverityGroup[] {
  const cards = findingCards(report).filter((c) => filter === null || c.findings.some((f) => f.severity === filter));
  return SEVERITY_ORDER.flatMap((severity) => {
    const mine = cards.filter((c) => c.severity === severity);
    if (mine.length === 0) return [];
    const findings = mine.reduce((n, c) => n + c.findings.filter((f) => f.severity === severity).length, 0);
    return [{ severity, items: foldRepeats(severity, mine), findings, places: mine.length }];
  });
}
