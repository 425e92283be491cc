import { toA1 } from "../grid/cellRef";
import { SheetAnalysis } from "../analyze/analyzeSheet";
import { ScoredForm } from "../score/scoreForm";
import { fmt2 } from "../number/decimal";
import { Finding, Severity } from "../findings/codes";
import { FormKind, NumberCell } from "../model/types";
import { isDeclaration } from "../locate/layout";
import { Dec } from "../number/decimal";
import { ruleCalculation } from "../findings/checks/indicatorChecks";
import { fundsLabel } from "../findings/format";
import { budgetScoreCalculation, rateCalculation, totalCalculation } from "../findings/calculations";

/** A declared/computed pair with its cell, as the JSON report (cli.md, schemaVersion 1) shows it. */
export interface ValuePair {
  readonly declared: string | null;
  readonly computed: string | null;
  readonly cell: string | null;
}

export interface FindingReport {
  readonly code: string;
  readonly severity: Severity;
  readonly part: string;
  readonly cells: readonly string[];
  readonly message: string;
  readonly calculation?: string;
  /** 已忽略: a warning or info the user accepted, with the reason, who and when. */
  readonly ignored?: { readonly reason: string; readonly by: string; readonly at: string };
}

/**
 * The report of one sheet, its forms' reports as F: FormReport objects, or (for the JSON report of `ziping check`) each
 * form's report already written out as JSON (src/app/packedReport.ts), so that thousands of them take little memory.
 */
export interface SheetReportOf<F> {
  readonly sheet: string;
  readonly isForm: boolean;
  /** The first form of the sheet (most sheets hold one); null when it holds none. */
  readonly form: F | null;
  /** The first form's findings, or FORM_NOT_FOUND. */
  readonly findings: readonly FindingReport[];
  /** Every form of the sheet with its findings (cli.md: a sheet holding several forms lists them all). */
  readonly forms: readonly { readonly form: F; readonly findings: readonly FindingReport[] }[];
}

export type SheetReport = SheetReportOf<FormReport>;

export interface FormReport {
  /** Which form of the cycle (rules.md §7.1): a 申报表's report has no actuals, scores, 总分 or grade. */
  readonly formKind: FormKind;
  readonly projectName: string | null;
  readonly year: number | null;
  readonly funds: readonly {
    label: string;
    initialBudget: string | null;
    budget: string | null;
    executed: string | null;
    weight: string | null;
    rate: ValuePair;
    score: ValuePair | null;
    /** How this row's 执行率 was computed (`91.60 ÷ 97.68 × 100% = 93.77%`); "" when it could not be. */
    calculation: string;
  }[];
  readonly indicators: readonly {
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string;
    kind: "quantitative" | "qualitative";
    weight: string | null;
    score: ValuePair;
    deviation: string;
    calculation: string;
  }[];
  readonly budgetScore: ValuePair;
  readonly total: ValuePair & { weight: ValuePair };
  readonly grade: { declared: string | null; computed: string | null; cell: string | null };
  /** How 执行率, 预算执行得分 and 总分 were computed (`91.60 ÷ 97.68 × 100 = 93.77`); "" when they could not be. */
  readonly calculations: { rate: string; budgetScore: string; total: string };
  /**
   * Whether the form was scored, and whether its 总分 is a verdict (rules.md §5): `verdict`; `noVerdict` (the scores
   * are added up, `total.computed` is that sum, but no 评分等级 is given nor anything of them written); `unscored`.
   */
  readonly scoring: { readonly kind: "verdict" | "noVerdict" | "unscored"; readonly reason: string | null };
  /** What the reader understood of the layout, so a reviewer can see why a number is what it is. */
  readonly layout: LayoutReport;
}

export interface LayoutReport {
  /** Where the indicators' weights come from: the 分值 column, the 一级 labels, the block labels, or nowhere. */
  readonly weightsFrom: "column" | "level1Labels" | "blockLabels" | "none";
  /** Where the 预算执行 分数 comes from: its cell, a label (`得分(20分*执行率)`), or the 评分方案. */
  readonly budgetWeightFrom: "cell" | "label" | "profile" | "none";
  readonly indicatorBlocks: number;
  readonly fundsRows: number;
  readonly goalBlock: boolean;
  readonly totalRow: boolean;
  readonly gradeRow: boolean;
  /** Header labels that could not be placed (`实际完成值(B)` on a form whose words are unknown). */
  readonly unplacedLabels: readonly { readonly text: string; readonly cell: string }[];
  /** Rows read as `其中…` details of the indicator above them. */
  readonly detailRows: number;
}

const num = (c: NumberCell | undefined): string | null => (c?.reading.kind === "number" ? c.reading.value.toFixed(2) : null);
const pair = (c: NumberCell | undefined, computed: Dec | null): ValuePair => ({ declared: num(c), computed: fmt2(computed), cell: c ? toA1(c.cell) : null });
const oneLine = (s: string) => s.replace(/\s+/g, "");

export type SeverityCounts = Record<Severity, number>;

/** 错误 / 警告 / 提示 counts over any findings (of one sheet, a workbook, a folder); accepted ones (已忽略) apart. */
export function countBySeverity(findings: Iterable<{ readonly severity: Severity; readonly ignored?: unknown }>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.ignored) counts[f.severity]++;
  return counts;
}

export function findingReport(f: Finding): FindingReport {
  return {
    code: f.code,
    severity: f.severity,
    part: f.part,
    cells: f.cells.map(toA1),
    message: f.message,
    ...(f.calculation ? { calculation: f.calculation } : {}),
    ...(f.ignored ? { ignored: f.ignored } : {}),
  };
}

/** The report of one sheet: plain strings and A1 addresses, ready for JSON and for the task pane. */
export function sheetReport(a: SheetAnalysis): SheetReport {
  const forms = a.forms.map((f) => ({ form: formReport(f.form), findings: f.findings.map(findingReport) }));
  return {
    sheet: a.sheet,
    isForm: a.isForm,
    form: forms[0]?.form ?? null,
    findings: forms[0]?.findings ?? a.findings.map(findingReport),
    forms,
  };
}

function fundsReports(form: ScoredForm): FormReport["funds"] {
  // the breakdowns typed under the table (`按收入性质分:2030.12`, `其中:基本支出:900.47`): amounts of the 全年预算数
  const breakdowns = form.model.fundsBreakdowns.flatMap((b) => [...(b.head ? [b.head] : []), ...b.items]);
  const typed = breakdowns.map((x) => ({ label: x.label.text, initialBudget: null, budget: num(x.amount), executed: null, weight: null, rate: NO_PAIR, score: null, calculation: "" }));
  return [...tableRows(form), ...typed];
}

function tableRows(form: ScoredForm): FormReport["funds"] {
  return form.funds.map((f) => ({
    label: fundsLabel(f.row.label.text),
    initialBudget: num(f.row.initialBudget),
    budget: num(f.row.budget),
    executed: num(f.row.executed),
    weight: num(f.row.weight),
    rate: { ...pair(f.row.rate, f.rate), declared: fmt2(f.declaredRate) },
    score: f.row.kind === "fundsTotal" ? pair(f.row.score, form.budgetScore) : null,
    calculation: f.rate !== null ? rateCalculation(f) : "",
  }));
}

/** The report of one form (cli.md `form`). */
const NO_PAIR: ValuePair = { declared: null, computed: null, cell: null };

export function formReport(form: ScoredForm): FormReport {
  return {
    formKind: form.model.kind,
    projectName: form.model.projectName?.text ?? null,
    year: form.model.year ?? null,
    funds: isDeclaration(form.model.kind)
      ? form.model.declaredFunds.map((r) => ({ label: fundsLabel(r.label.text), initialBudget: null, budget: num(r.amount), executed: null, weight: null, rate: NO_PAIR, score: null, calculation: "" }))
      : fundsReports(form),
    indicators: form.indicators.map((s) => ({
      level1: oneLine(s.indicator.level1.text),
      level2: oneLine(s.indicator.level2.text),
      name: s.indicator.name.text,
      target: s.indicator.targetText.text,
      actual: s.indicator.actualText.text,
      // scored by the numbers when target and actual are numbers; a 申报表 has no actual: its target says
      kind: s.indicator.target.kind === "quantitative" && (s.indicator.actual.kind === "number" || isDeclaration(form.model.kind)) ? "quantitative" : "qualitative",
      weight: fmt2(s.weight),
      score: pair(s.indicator.score, s.computed),
      deviation: s.indicator.deviation?.text ?? "",
      calculation: ruleCalculation(s),
    })),
    budgetScore: pair(form.fundsTotal?.row.score, form.budgetScore),
    total: {
      ...pair(form.model.totalRow?.score, form.totalScore),
      weight: pair(form.model.totalRow?.weight, form.weights.indicatorSum !== null ? form.weightSum : null),
    },
    grade: {
      declared: form.model.grade?.value.text || null,
      computed: form.grade,
      cell: form.model.grade ? toA1(form.model.grade.value.cell) : null,
    },
    calculations: {
      rate: form.fundsTotal?.rate ? rateCalculation(form.fundsTotal) : "",
      budgetScore: form.budgetScore ? budgetScoreCalculation(form) : "",
      total: totalCalculation(form),
    },
    scoring: { kind: form.scoring.kind, reason: form.scoring.kind === "verdict" ? null : form.scoring.reason },
    layout: {
      weightsFrom: form.weights.from,
      budgetWeightFrom: form.budgetWeightFrom,
      indicatorBlocks: form.model.indicatorBlocks.length,
      fundsRows: isDeclaration(form.model.kind) ? form.model.declaredFunds.length : form.funds.length,
      goalBlock: form.model.goal.expected !== undefined || form.model.goal.actual !== undefined,
      totalRow: form.model.totalRow !== undefined,
      gradeRow: form.model.grade !== undefined,
      unplacedLabels: form.model.unplaced.map((u) => ({ text: u.text, cell: toA1(u.at) })),
      detailRows: form.model.indicators.reduce((n, i) => n + i.details, 0),
    },
  };
}
