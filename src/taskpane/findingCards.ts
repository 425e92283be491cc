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
  /** For a card without a cell: where on the form the thing it is about is (or should be). "" when it has cells. */
  readonly where: string;
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
  /** Findings of this severity: every one of them is on a card of this group (the summary's count). */
  readonly findings: number;
  /** Cards in this group (a card merges the findings of one place). */
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

/** A card's title when its place is no row of the form: the finding's own short name, made specific where it can be. */
function cardTitle(f: FindingReport): string {
  if (f.code === "FIELD_MISSING") {
    const part = /缺少(.+?)(（未识别|，无法|$)/.exec(f.message)?.[1];
    if (part) return `缺少${part}`;
  }
  if (f.code === "HEADER_UNRECOGNIZED") {
    const text = /未识别的表头“([^”]*)”/.exec(f.message)?.[1];
    if (text !== undefined) return `未识别的表头“${text}”`;
  }
  if (f.code === "GOAL_MISSING") return f.message;
  return CODE_TITLE[f.code as keyof typeof CODE_TITLE] ?? PART_LABEL[f.part] ?? f.part;
}

const rowsText = (rows: readonly number[]) => (rows.length === 0 ? "" : rows.length === 1 ? `第 ${rows[0]} 行` : `第 ${Math.min(...rows)}～${Math.max(...rows)} 行`);

/**
 * Where a finding that names no cell is about, or where the missing thing should be, from what the form's report
 * knows of its layout: "各指标的“分值”（第 15～21 行）加预算执行分数", "应在“总分”行（第 22 行）下面". Never "".
 */
export function whereOnForm(f: FindingReport, report: SheetReport): string {
  const form = report.form;
  const indicatorRows = (form?.indicators ?? []).map((i) => rowOf(i.score.cell)).filter((r): r is number => r !== null);
  const fundsRows = (form?.funds ?? []).map((x) => rowOf(x.rate.cell) ?? rowOf(x.score?.cell)).filter((r): r is number => r !== null);
  const totalRow = rowOf(form?.total.cell) ?? rowOf(form?.total.weight.cell);
  const lastIndicator = indicatorRows.length ? Math.max(...indicatorRows) : null;
  const sheet = `工作表“${report.sheet}”`;
  switch (f.code) {
    case "WEIGHT_SUM_MISMATCH":
      return `${sheet}：各指标的“分值”${indicatorRows.length ? `（${rowsText(indicatorRows)}）` : ""}加上资金表的预算执行分数${fundsRows.length ? `（${rowsText(fundsRows.slice(0, 1))}）` : ""}；表中没有“总分”行的分值单元格`;
    case "MISSING_SATISFACTION":
      return `${sheet}：应在指标表${lastIndicator !== null ? `最后一行（第 ${lastIndicator} 行）` : ""}之后加一级指标“满意度指标”`;
    case "FIELD_MISSING": {
      const m = f.message;
      if (m.includes("评分等级")) return `${sheet}：应在${totalRow !== null ? `“总分”行（第 ${totalRow} 行）` : lastIndicator !== null ? `指标表最后一行（第 ${lastIndicator} 行）` : "表格最后"}下面加一行“评分等级”`;
      if (m.includes("“总分”行")) return `${sheet}：应在指标表${lastIndicator !== null ? `最后一行（第 ${lastIndicator} 行）` : ""}下面加一行“总分”`;
      if (m.includes("项目名称")) return `${sheet}：应在表格最上面、资金表之前填写“项目名称”`;
      if (m.includes("年度总体目标")) return `${sheet}：应在资金表${fundsRows.length ? `（${rowsText(fundsRows)}）` : ""}和绩效指标表之间`;
      if (m.includes("绩效指标表")) return `${sheet}：应在资金表${fundsRows.length ? `（${rowsText(fundsRows)}）` : ""}下面`;
      if (m.includes("项目资金表")) return `${sheet}：应在“项目名称”下面、绩效指标表之前`;
      if (m.includes("指标表的")) return `${sheet}：指标表的表头行${indicatorRows.length ? `（第 ${Math.min(...indicatorRows) - 1} 行附近）` : ""}`;
      if (m.includes("项目资金表的") || m.includes("“年度资金总额”行")) return `${sheet}：项目资金表${fundsRows.length ? `（${rowsText(fundsRows)}）` : ""}`;
      return `${sheet}：整张表`;
    }
    default:
      return `${sheet}：${PART_LABEL[f.part] ?? "整张表"}（这条问题针对整张表，没有对应的单元格）`;
  }
}

/**
 * One card per place and severity: the findings of one severity on the same indicator / funds row / cell merged, in
 * position order. A place with an error and a warning has a card in each group, so a group holds every finding of
 * its severity and nothing else (the counts filter shows exactly them).
 */
export function findingCards(report: SheetReport): FindingCard[] {
  const titles = rowTitles(report);
  const byKey = new Map<string, { base: string; severity: Severity; title: string; findings: FindingReport[]; cells: string[]; position: { row: number; col: number } }>();
  for (const f of report.findings) {
    const position = findingPosition(f.cells);
    const rowTitle = NOT_ROW_SCOPED.has(f.code) ? undefined : titles.get(position.row);
    const base = rowTitle ? `row:${position.row}` : f.cells[0] ? `cell:${f.cells[0]}` : `code:${f.code}:${cardTitle(f)}`;
    const key = `${base}|${f.severity}`;
    let card = byKey.get(key);
    if (!card) {
      card = { base, severity: f.severity, title: rowTitle ?? cardTitle(f), findings: [], cells: [], position };
      byKey.set(key, card);
    }
    card.findings.push(f);
    for (const c of f.cells) if (!card.cells.includes(c)) card.cells.push(c);
    if (position.row < card.position.row || (position.row === card.position.row && position.col < card.position.col)) card.position = position;
  }
  const cards = [...byKey.values()];
  // the most severe card of a place keeps the place's key; the others add their severity
  const top = new Map<string, Severity>();
  for (const c of cards) if (!top.has(c.base) || RANK[c.severity] < RANK[top.get(c.base)!]) top.set(c.base, c.severity);
  const made: FindingCard[] = cards
    .map((c) => ({
      kind: "card" as const,
      key: top.get(c.base) === c.severity ? c.base : `${c.base}:${c.severity}`,
      severity: c.severity,
      title: c.title,
      cells: c.cells,
      where: c.cells.length ? "" : whereOnForm(c.findings[0], report),
      findings: c.findings,
      position: c.position,
    }))
    .sort((a, b) => a.position.row - b.position.row || a.position.col - b.position.col);
  return distinctTitles(made);
}

/** Titles that repeat within one severity get the cell they are about ("填写的不是数字（C6）"), or a number. */
function distinctTitles(cards: FindingCard[]): FindingCard[] {
  const seen = new Map<string, number>();
  for (const c of cards) seen.set(`${c.severity}|${c.title}`, (seen.get(`${c.severity}|${c.title}`) ?? 0) + 1);
  const nth = new Map<string, number>();
  return cards.map((c) => {
    const k = `${c.severity}|${c.title}`;
    if (seen.get(k)! < 2) return c;
    const n = (nth.get(k) ?? 0) + 1;
    nth.set(k, n);
    return { ...c, title: `${c.title}（${c.cells[0] ?? `第 ${n} 处`}）` };
  });
}

/** "8 个指标缺年度指标值和实际完成值", "5 个指标：得分与评分规则不符". */
export function repeatLabel(code: string, cards: readonly FindingCard[]): string {
  const unit = cards.every((c) => c.title.startsWith("指标“")) ? "个指标" : "处";
  if (code === "FIELD_MISSING") return `${cards.length} 处：自评表缺少的部分`;
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
 * The groups the pane shows, 错误 then 警告 then 提示 (empty ones left out). With a filter, only the group of that
 * severity: the list then holds exactly the findings the summary counts for it.
 */
export function findingGroups(report: SheetReport, filter: Severity | null = null): SeverityGroup[] {
  const cards = findingCards(report);
  return SEVERITY_ORDER.flatMap((severity) => {
    if (filter !== null && filter !== severity) return [];
    const mine = cards.filter((c) => c.severity === severity);
    if (mine.length === 0) return [];
    const findings = mine.reduce((n, c) => n + c.findings.length, 0);
    return [{ severity, items: foldRepeats(severity, mine), findings, places: mine.length }];
  });
}

/** "警告（6 处，合并为 4 张卡片）", or "警告（4 处）" when every card holds one finding. */
export function groupHeading(label: string, group: Pick<SeverityGroup, "findings" | "places">): string {
  return group.findings === group.places ? `${label}（${group.findings} 处）` : `${label}（${group.findings} 处，合并为 ${group.places} 张卡片）`;
}
