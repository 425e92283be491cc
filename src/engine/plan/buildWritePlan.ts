import { CellRef, sameCell } from "../grid/cellRef";
import { CellValue, Grid, rawCell } from "../grid/grid";
import { fractionAgrees, ScoredForm } from "../score/scoreForm";
import { Finding, FindingCode, Severity } from "../findings/codes";
import { isPercentFormat } from "../model/readNumber";
import { NumberCell, TextCell } from "../model/types";
import { Dec, HUNDRED } from "../number/decimal";
import { gradeFor, readGrade } from "../score/grade";

/** What a written cell held before, so that the write can be undone. */
export interface CellSnapshot {
  readonly value: CellValue;
  readonly numberFormat?: string;
}

export type WriteKind = "rate" | "budgetScore" | "totalScore" | "grade" | "indicatorScore";

export interface CellWrite {
  readonly cell: CellRef;
  readonly value: number | string;
  /** Set only where the cell had no number format of its own, so 9.3 shows as 9.30. */
  readonly numberFormat?: string;
  readonly previous: CellSnapshot;
  readonly kind: WriteKind;
}

export interface Highlight {
  readonly cell: CellRef;
  readonly severity: Severity;
  readonly codes: readonly FindingCode[];
}

/** Cells → values and highlights: the engine decides, the Excel and .xlsx adapters only apply. */
export interface WritePlan {
  readonly sheet: string;
  readonly writes: readonly CellWrite[];
  readonly highlights: readonly Highlight[];
}

export interface WritePlanOptions {
  /** Write rule scores over 得分 the accountant typed (never over formulas). Off by default. */
  readonly overwriteScores?: boolean;
  /** Which severities get highlighted; info findings are listed, not painted, by default. */
  readonly highlight?: readonly Severity[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function snapshot(grid: Grid, cell: CellRef): CellSnapshot {
  const c = rawCell(grid, cell.row, cell.col);
  return c?.numberFormat ? { value: c.value, numberFormat: c.numberFormat } : { value: c?.value ?? null };
}

/** Highlights from findings: one per cell, at the most severe of its findings. */
export function highlightsFor(findings: readonly Finding[], severities: readonly Severity[] = ["error", "warning"]): Highlight[] {
  const byCell = new Map<string, { cell: CellRef; severity: Severity; codes: FindingCode[] }>();
  for (const f of findings) {
    if (!severities.includes(f.severity) || f.ignored) continue;
    for (const cell of f.cells) {
      const key = `${cell.row}:${cell.col}`;
      const h = byCell.get(key);
      if (!h) byCell.set(key, { cell, severity: f.severity, codes: [f.code] });
      else {
        if (!h.codes.includes(f.code)) h.codes.push(f.code);
        if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[h.severity]) h.severity = f.severity;
      }
    }
  }
  return [...byCell.values()];
}

/**
 * The write plan of rules.md §5: derived cells (执行率, 预算执行得分, 总分, 评分等级) get the computed value; a blank
 * indicator 得分 gets the rule score; formulas and typed 得分 are never written over. 总分 and 评分等级 are written only
 * for a verdict (a form whose weights add up and that lacks nothing it needs); the 分值 total is never rewritten: a
 * weight sum of 110 is the accountant's to fix.
 */
export function buildWritePlan(form: ScoredForm, grid: Grid, findings: readonly Finding[], options: WritePlanOptions = {}): WritePlan {
  const writes: CellWrite[] = [];
  const add = (cell: CellRef, value: number | string, kind: WriteKind, format?: string) => {
    // a quotient of absurd amounts (a budget of 5e-324) has no spreadsheet number: report it, never write it
    if (typeof value === "number" && !Number.isFinite(value)) return;
    const raw = rawCell(grid, cell.row, cell.col);
    if (raw?.formula !== undefined || writes.some((w) => sameCell(w.cell, cell))) return;
    // a blank cell taking its column's fraction convention needs the column's % format (its previous format is in
    // the snapshot, so 撤销 puts it back); any other number keeps the cell's own format, or gets 0.00
    const numberFormat = typeof value === "number" ? (format !== undefined && format !== raw?.numberFormat ? format : !raw?.numberFormat ? "0.00" : undefined) : undefined;
    writes.push({ cell, value, kind, previous: snapshot(grid, cell), ...(numberFormat ? { numberFormat } : {}) });
  };
  const addNumber = (target: NumberCell | undefined, computed: Dec | null, kind: WriteKind) => {
    if (!target || computed === null || target.formula !== undefined) return;
    if (target.reading.kind === "number" && target.reading.value.equals(computed)) return;
    const value = computed.toDecimalPlaces(2).toNumber();
    add(target.cell, value, kind);
  };

  const column = rateColumnConvention(form);
  for (const f of form.funds) {
    const cell = f.row.rate;
    if (!cell || f.rate === null || cell.formula !== undefined) continue;
    if (cell.reading.kind === "number" && cell.reading.value.equals(f.rate)) continue;
    if (f.rateAsFraction && fractionAgrees(f)) continue;
    // keep the cell's own convention — a fraction under a % format or printed as one, "93.77%" text, or 93.77 — and a
    // blank cell takes its column's, so one column does not end up with "86.18%" above 86.18
    const blank = cell.reading.kind === "none" && cell.text === "";
    const convention: RateConvention =
      isPercentFormat(cell.numberFormat) || f.rateAsFraction ? { kind: "fraction", numberFormat: isPercentFormat(cell.numberFormat) ? cell.numberFormat : "0.0000" } : cell.text.endsWith("%") ? { kind: "text" } : blank ? column : { kind: "number" };
    if (convention.kind === "fraction") add(cell.cell, f.rate.dividedBy(HUNDRED).toNumber(), "rate", convention.numberFormat);
    else if (convention.kind === "text") add(cell.cell, `${f.rate.toFixed(2)}%`, "rate");
    else add(cell.cell, f.rate.toNumber(), "rate");
  }
  addNumber(form.fundsTotal?.row.score, form.budgetScore, "budgetScore");

  // a 得分 written over what was typed (--overwrite-scores) changes the 总分 and perhaps the grade: they are written as
  // the form will add up once the rule scores stand, not as the typed scores did (a re-check would say TOTAL_MISMATCH)
  let total = form.totalScore;
  for (const s of form.indicators) {
    const cell = s.indicator.score;
    if (!cell || !(cell.reading.kind === "none" || options.overwriteScores)) continue;
    const before = writes.length;
    addNumber(cell, s.computed, "indicatorScore");
    if (writes.length > before && total !== null && s.computed !== null && s.used !== null) total = total.plus(s.computed).minus(s.used);
  }
  if (form.scoring.kind === "verdict") {
    addNumber(form.model.totalRow?.score, total, "totalScore");
    const grade: TextCell | undefined = form.model.grade?.value;
    const computedGrade = total === null ? null : total.equals(form.totalScore ?? total) ? form.grade : gradeFor(total, form.profile);
    if (grade && computedGrade !== null && grade.formula === undefined && readGrade(grade.text) !== computedGrade) add(grade.cell, computedGrade, "grade");
  }

  return { sheet: form.model.sheet, writes, highlights: highlightsFor(findings, options.highlight) };
}

/** How a 执行率 is written: a number (93.77), text (`93.77%`), or a fraction (0.9377) under a % format. */
type RateConvention = { readonly kind: "number" } | { readonly kind: "text" } | { readonly kind: "fraction"; readonly numberFormat?: string };

/** The convention the filled 执行率 cells of the funds table share: what a blank one of them is written in. */
function rateColumnConvention(form: ScoredForm): RateConvention {
  for (const f of form.funds) {
    const cell = f.row.rate;
    if (!cell || cell.reading.kind !== "number") continue;
    if (isPercentFormat(cell.numberFormat)) return { kind: "fraction", numberFormat: cell.numberFormat };
    if (f.rateAsFraction) return { kind: "fraction", numberFormat: "0.0000" };
    if (cell.text.endsWith("%")) return { kind: "text" };
    return { kind: "number" };
  }
  return { kind: "number" };
}

/** Cells of a plan that would overwrite a formula: always empty for a plan from buildWritePlan. */
export function planConflicts(plan: WritePlan, grid: Grid): CellRef[] {
  return plan.writes.filter((w) => rawCell(grid, w.cell.row, w.cell.col)?.formula !== undefined).map((w) => w.cell);
}
