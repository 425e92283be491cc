import { FormReport, Profile, verdictText } from "../engine";

/**
 * How each number of the summary came about, as the pane shows it: its value, how it was computed (only when it was),
 * and, whenever it is "—", why. Pure: the Summary component only renders this.
 */
export interface Figure {
  readonly value: string;
  /** `91.60 ÷ 97.68 × 100% = 93.77%`; null when there is nothing to show. */
  readonly calculation: string | null;
  /** Why the value is "—" (or why the 总分 is only a 得分合计); null otherwise. */
  readonly reason: string | null;
}

export interface Figures {
  /** 总分, or 得分合计 when the form does not add up at its root (rules.md §5). */
  readonly totalLabel: "总分" | "得分合计";
  readonly total: Figure;
  /** Absent when there is only a 得分合计 (no grade is given then). */
  readonly grade: (Figure & { readonly bands: string | null }) | null;
  readonly rate: Figure;
  readonly budgetScore: Figure;
}

const DASH = "—";

/** "90 分及以上为优，80～90 分为良，60～80 分为中，60 分以下为差" from a 评分方案's bands. */
export function gradeBandsText(profile: Profile): string {
  const bands = profile.gradeBands;
  const parts = bands.map((b, i) => (i === 0 ? `${b.min} 分及以上为${b.grade}` : `${b.min}～${bands[i - 1].min} 分为${b.grade}`));
  const last = bands[bands.length - 1];
  return [...parts, `${last.min} 分以下为差`].join("，");
}

/** "总分 96.37 ≥ 90，评为“优”" — the band the 总分 falls in. */
function gradeCalculation(total: string, grade: string, profile: Profile): string {
  const bands = profile.gradeBands;
  const i = bands.findIndex((b) => b.grade === grade);
  if (i >= 0) return i === 0 ? `总分 ${total} ≥ ${bands[0].min}，评为“${grade}”` : `${bands[i].min} ≤ 总分 ${total} < ${bands[i - 1].min}，评为“${grade}”`;
  return `总分 ${total} < ${bands[bands.length - 1].min}，评为“${grade}”`;
}

function rateFigure(form: FormReport): Figure {
  const t = form.funds[0];
  if (!t) return { value: DASH, calculation: null, reason: "没有读到“年度资金总额”行，无法计算执行率" };
  if (t.rate.computed !== null) return { value: `${t.rate.computed}%`, calculation: t.calculation || form.calculations.rate || null, reason: null };
  const reason =
    t.budget === null
      ? `“${t.label}”的全年预算数未填写或不是数字，无法计算执行率`
      : t.executed === null
        ? `“${t.label}”的全年执行数未填写或不是数字，无法计算执行率`
        : Number(t.budget) === 0
          ? `“${t.label}”的全年预算数为 0，无法计算执行率`
          : Number(t.budget) < 0 || Number(t.executed) < 0
            ? "预算数或执行数为负数，改正前不计算执行率"
            : "执行率无法计算，原因见下面的问题清单";
  return { value: DASH, calculation: null, reason };
}

/**
 * The figures of a form on show. `profile`: the 评分方案 it was computed with (for the grade's bands); null when it
 * cannot be resolved, then the bands are left out.
 */
export function figures(form: FormReport, profile: Profile | null): Figures {
  const rate = rateFigure(form);
  const verdict = verdictText(form);
  const unscored = form.scoring.kind === "unscored" ? form.scoring.reason : null;

  const budgetValue = form.budgetScore.computed;
  const budgetScore: Figure =
    budgetValue !== null
      ? { value: budgetValue, calculation: form.calculations.budgetScore || null, reason: null }
      : { value: DASH, calculation: null, reason: unscored ?? (rate.value === DASH ? "执行率无法计算，预算执行得分也无法计算" : "预算执行分数无法确定，预算执行得分无法计算") };

  const totalValue = verdict.value;
  const total: Figure =
    totalValue !== DASH
      ? { value: totalValue, calculation: form.calculations.total || null, reason: verdict.reason }
      : {
          value: DASH,
          calculation: null,
          reason: verdict.reason ?? (budgetScore.value === DASH ? `预算执行得分无法计算（${budgetScore.reason}），总分也无法计算` : "有指标的得分无法确定，总分无法计算，原因见下面的问题清单"),
        };

  if (verdict.label === "得分合计") return { totalLabel: "得分合计", total, grade: null, rate, budgetScore };

  const bands = profile ? gradeBandsText(profile) : null;
  const g = form.grade.computed;
  const grade =
    g !== null && totalValue !== DASH
      ? { value: g, calculation: profile ? gradeCalculation(totalValue, g, profile) : null, reason: null, bands }
      : { value: DASH, calculation: null, reason: totalValue === DASH ? "总分无法计算，不评定等级" : "评分等级无法评定，原因见下面的问题清单", bands };
  return { totalLabel: "总分", total, grade, rate, budgetScore };
}
