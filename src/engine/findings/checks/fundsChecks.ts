import { budgetScoreUnder, fractionAgrees, fractionAtPrintedPrecision, ScoredFunds } from "../../score/scoreForm";
import { FundsRow, NumberCell } from "../../model/types";
import { D, Dec, otherMode } from "../../number/decimal";
import { executionRate } from "../../score/executionRate";
import { Finding } from "../codes";
import { fundsLabel, n2, roundingName } from "../format";
import { makeFinding } from "../makeFinding";
import { budgetScoreCalculation, rateCalculation } from "../calculations";
import { Check } from "./check";
import { compareDerived } from "./derivedValue";

const cleanLabel = (f: ScoredFunds) => fundsLabel(f.row.label.text);

/** EXEC_RATE_MISMATCH (or FORMULA_DISAGREES) on every funds row. */
export const execRateMismatch: Check = (form) =>
  form.funds.flatMap((f) => {
    if (f.rateAsFraction && fractionAgrees(f)) return [];
    // a fraction (0.958) is compared as the percentage it stands for (95.80); one that is the rate at the places it
    // prints is a warning, like a rate of the other rounding
    const lowPrecision = f.rateAsFraction && fractionAtPrintedPrecision(f);
    const other = lowPrecision ? f.declaredRate : f.budget && f.executed ? executionRate(f.budget, f.executed, otherMode(form.profile.rounding)) : null;
    const cell = f.rateAsFraction && f.row.rate && f.declaredRate ? { ...f.row.rate, reading: { kind: "number" as const, value: f.declaredRate } } : f.row.rate;
    const fraction: Record<string, string> = f.rateAsFraction && f.row.rate ? { printed: f.row.rate.text, fraction: f.rate?.dividedBy(100).toString() ?? "" } : {};
    const finding = compareDerived(
      cell,
      f.rate,
      other,
      "EXEC_RATE_MISMATCH",
      `“${cleanLabel(f)}”执行率`,
      { label: cleanLabel(f), budget: n2(f.budget), executed: n2(f.executed), rounding: roundingName(form.profile.rounding), ...fraction, precision: lowPrecision ? "yes" : "no" },
      rateCalculation(f),
      [f.row.executed.cell, f.row.budget.cell],
    );
    return finding ? [finding] : [];
  });

/** BUDGET_SCORE_MISMATCH (or FORMULA_DISAGREES) on the 年度资金总额 row. */
export const budgetScoreMismatch: Check = (form) => {
  const t = form.fundsTotal;
  if (!t || !t.budget || !t.executed) return [];
  const other = budgetScoreUnder(form, otherMode(form.profile.rounding));
  const finding = compareDerived(
    t.row.score,
    form.budgetScore,
    other,
    "BUDGET_SCORE_MISMATCH",
    "预算执行得分",
    { weight: n2(form.budgetWeight), rounding: roundingName(form.profile.rounding) },
    budgetScoreCalculation(form),
  );
  return finding ? [finding] : [];
};

/**
 * Whether the rows under the total add up to it, read as the hierarchy they may print: a row that is the sum of the
 * rows right under it (`其中：财政资金` over 中央 / 省级 …) counts once, its rows not again; a 小计 row is the sum of the
 * rows right above or right below it, and counts instead of them. The plain sum of every part is the first reading
 * tried, so a form with one level is judged as before.
 */
export function partsAddUp(total: Dec, parts: readonly { readonly value: Dec; readonly subtotal: boolean; readonly label: string }[]): boolean {
  const sum = (from: number, to: number) => parts.slice(from, to).reduce((s, p) => s.plus(p.value), new D(0));
  const plain = (from: number, to: number) => parts.slice(from, to).every((p) => !p.subtotal);
  // whether the rows from i on can be read so that the top-level rows add up to total − acc (rows ≤ 12: small)
  const reach = (i: number, acc: Dec): boolean => {
    if (i === parts.length) return acc.equals(total);
    const p = parts[i];
    if (!p.subtotal && reach(i + 1, acc.plus(p.value))) return true;
    for (let j = i + 2; j <= parts.length; j++) {
      // parts[i] heads parts[i+1 .. j-1] (a 其中 row over its own 其中, or a 小计 over the rows below it); a row
      // printed twice (the same label and amount) heads nothing: that is a mistake to report
      const twice = j === i + 2 && parts[i + 1].label === p.label;
      if (!twice && plain(i + 1, j) && p.value.equals(sum(i + 1, j)) && reach(j, acc.plus(p.value))) return true;
      // parts[i .. j-2] closed by the 小计 parts[j-1]
      const last = parts[j - 1];
      if (!p.subtotal && last.subtotal && plain(i, j - 1) && last.value.equals(sum(i, j - 1)) && reach(j, acc.plus(last.value))) return true;
    }
    return false;
  };
  return reach(0, new D(0));
}

type AmountColumn = readonly [string, (r: FundsRow) => NumberCell | undefined];

const amountOf = (c: NumberCell | undefined) => (c?.reading.kind === "number" ? c.reading.value : new D(0));

/**
 * The rows a 小计 sums: of the runs right below it and right above it, the one that adds up to it in the most amount
 * columns (a 小计 wrong in one column is placed by the others); the run below when none does.
 */
function subtotalRun(rows: readonly FundsRow[], i: number, columns: readonly AmountColumn[]): FundsRow[] {
  const runs: FundsRow[][] = [];
  for (let j = i + 1; j < rows.length && rows[j].kind !== "subtotal"; j++) runs.push(rows.slice(i + 1, j + 1));
  for (let k = i - 1; k >= 0 && rows[k].kind !== "subtotal"; k--) runs.push(rows.slice(k, i));
  const fits = (run: FundsRow[]) =>
    columns.filter(([, pick]) => pick(rows[i])?.reading.kind === "number" && run.reduce((s, x) => s.plus(amountOf(pick(x))), new D(0)).equals(amountOf(pick(rows[i])))).length;
  let best: FundsRow[] = [];
  let bestFit = 0;
  for (const run of runs) {
    const f = fits(run);
    if (f > bestFit) [best, bestFit] = [run, f];
  }
  return bestFit > 0 ? best : runs[0] ?? [];
}

/** Each 小计 against the rows it sums (subtotalRun), in one amount column, when the rows of money add up to the total. */
function subtotalsMismatch(rows: readonly FundsRow[], column: AmountColumn, columns: readonly AmountColumn[]): Finding[] {
  const [name, pick] = column;
  const out: Finding[] = [];
  rows.forEach((r, i) => {
    const cell = pick(r);
    if (r.kind !== "subtotal" || cell?.reading.kind !== "number") return;
    const run = subtotalRun(rows, i, columns);
    const sum = run.reduce((s, x) => s.plus(amountOf(pick(x))), new D(0));
    if (run.length === 0 || sum.equals(cell.reading.value)) return;
    const partsText = run.map((x) => amountOf(pick(x)).toFixed(2)).join(" + ");
    out.push(makeFinding("FUNDS_SUM_MISMATCH", [cell.cell, ...run.map((x) => pick(x)?.cell)], { column: name, which: `“${fundsLabel(r.label.text)}”`, total: n2(cell.reading.value), sum: n2(sum), parts: partsText }, { calculation: `${partsText} = ${n2(sum)}` }));
  });
  return out;
}

/** FUNDS_SUM_MISMATCH: 年度资金总额 ≠ Σ 其中 rows (as the hierarchy they print allows), for each amount column. */
export const fundsSumMismatch: Check = (form) => {
  const total = form.fundsTotal?.row;
  const rows = form.funds.filter((f) => f.row.kind !== "fundsTotal").map((f) => f.row);
  // the message lists the rows of money, not the 小计 over them
  const parts = rows.filter((r) => r.kind !== "subtotal");
  if (!total || parts.length === 0) return [];
  const columns: AmountColumn[] = [
    ["年初预算数", (r) => r.initialBudget],
    ["全年预算数", (r) => r.budget],
    ["全年执行数", (r) => r.executed],
  ];
  const out: Finding[] = [];
  for (const [name, pick] of columns) {
    const t = pick(total);
    if (t?.reading.kind !== "number") continue;
    const cells = parts.map(pick).filter((c): c is NumberCell => c !== undefined);
    if (!cells.some((c) => c.reading.kind === "number")) continue;
    if (cells.some((c) => c.reading.kind === "invalid")) continue; // reported as VALUE_NOT_NUMBER
    const sum = cells.reduce((s, c) => s.plus(c.reading.kind === "number" ? c.reading.value : 0), new D(0));
    const valued = rows.map((r) => {
      const c = pick(r);
      return { value: c?.reading.kind === "number" ? c.reading.value : new D(0), subtotal: r.kind === "subtotal", label: fundsLabel(r.label.text) };
    });
    if (!sum.equals(t.reading.value) && !partsAddUp(t.reading.value, valued)) {
      const partsText = cells.map((c) => (c.reading.kind === "number" ? c.reading.value.toFixed(2) : "0.00")).join(" + ");
      out.push(makeFinding("FUNDS_SUM_MISMATCH", [t.cell, ...cells.map((c) => c.cell)], { column: name, total: n2(t.reading.value), sum: n2(sum), parts: partsText }, { calculation: `${partsText} = ${n2(sum)}` }));
    } else {
      out.push(...subtotalsMismatch(rows, [name, pick], columns));
    }
  }
  return out;
};

/**
 * EXEC_RATE_UNDEFINED: 全年预算数 and 全年执行数 both 0, so there is no 执行率 (0 ÷ 0) and none is written — said for
 * the 年度资金总额 row (its 预算执行得分 and the 总分 depend on it) and for a part whose 执行率 cell is blank (where a
 * 0.00 used to be written); a part that prints its own 0.00 or `-` is left as it is.
 */
export const execRateUndefined: Check = (form) =>
  form.funds.flatMap((f) => {
    if (!f.budget?.isZero() || !f.executed?.isZero()) return [];
    const blank = f.row.rate !== undefined && f.row.rate.reading.kind === "none" && f.row.rate.text === "";
    if (f.row.kind !== "fundsTotal" && !blank) return [];
    return [makeFinding("EXEC_RATE_UNDEFINED", [f.row.rate?.cell ?? f.row.budget.cell, f.row.budget.cell, f.row.executed.cell], { label: cleanLabel(f), total: f.row.kind === "fundsTotal" ? "yes" : "no" })];
  });

/** EXEC_OVER_BUDGET and BUDGET_ZERO_WITH_SPENDING on every funds row. */
export const budgetVsExecuted: Check = (form) =>
  form.funds.flatMap((f): Finding[] => {
    if (f.executed === null || f.budget === null) return [];
    const params = { budget: n2(f.budget), executed: n2(f.executed) };
    if (f.budget.isZero() && f.executed.greaterThan(0)) return [makeFinding("BUDGET_ZERO_WITH_SPENDING", [f.row.budget.cell, f.row.executed.cell], params)];
    if (f.executed.greaterThan(f.budget)) return [makeFinding("EXEC_OVER_BUDGET", [f.row.executed.cell, f.row.budget.cell], params)];
    return [];
  });

/** BUDGET_ADJUSTED: 年初预算数 ≠ 全年预算数 on the 年度资金总额 row. */
export const budgetAdjusted: Check = (form) => {
  const t = form.fundsTotal;
  const initial = t?.row.initialBudget;
  if (!t || initial?.reading.kind !== "number" || t.budget === null || initial.reading.value.equals(t.budget)) return [];
  return [makeFinding("BUDGET_ADJUSTED", [initial.cell, t.row.budget.cell], { initial: n2(initial.reading.value), budget: n2(t.budget) })];
};

/** LOW_EXECUTION: 执行率 below the profile's threshold. */
export const lowExecution: Check = (form) => {
  const t = form.fundsTotal;
  const min = new D(form.profile.lowExecutionRate);
  if (!t || t.rate === null || t.rate.greaterThanOrEqualTo(min)) return [];
  return [makeFinding("LOW_EXECUTION", [t.row.rate?.cell ?? t.row.executed.cell], { rate: n2(t.rate), min: min.toString() }, { calculation: rateCalculation(t) })];
};

/** BUDGET_WEIGHT_NONSTANDARD: 分数 ≠ the profile's. */
export const budgetWeightNonstandard: Check = (form) => {
  if (form.budgetWeightFrom === "profile" || form.budgetWeightFrom === "none") return [];
  const standard = new D(form.profile.budgetWeight);
  if (form.budgetWeight.equals(standard)) return [];
  const cell = form.budgetWeightFrom === "cell" ? form.fundsTotal?.row.weight?.cell : form.model.budgetWeightLabel?.label.cell;
  return [makeFinding("BUDGET_WEIGHT_NONSTANDARD", [cell], { weight: n2(form.budgetWeight), standard: n2(standard) })];
};


const WAN_IN_TEXT = /(\d+(?:\.\d+)?)\s*万元/g;

/**
 * The unit the amounts are really in (rules.md §1.7): a table headed 万元 whose every amount is ~10⁴ × what a 成本
 * indicator in 万元 or the goal text (`…资金 97.68 万元…`) says is typed in 元 — and the other way round.
 */
export function amountsUnit(form: Parameters<Check>[0]): { readonly unit: "万元" | "元"; readonly evidence?: { readonly what: string; readonly value: Dec; readonly amount: Dec } } {
  const stated = form.model.amountUnit;
  const t = form.fundsTotal;
  const amounts = [t?.executed, t?.budget].filter((x): x is Dec => x !== null && x !== undefined && x.greaterThan(0));
  if (amounts.length === 0) return { unit: stated };
  const evidence: { what: string; value: Dec }[] = [];
  for (const { indicator: i } of form.indicators) {
    if (!isLevel2Cost(i.level2.text)) continue;
    if (i.actual.kind === "number" && i.actual.unit === "万元") evidence.push({ what: `成本指标“${i.name.text}”`, value: i.actual.value });
    if (i.target.kind === "quantitative" && i.target.unit === "万元") evidence.push({ what: `成本指标“${i.name.text}”`, value: i.target.value });
  }
  for (const text of [form.model.goal.expected?.text ?? "", form.model.goal.actual?.text ?? ""]) {
    for (const m of text.matchAll(WAN_IN_TEXT)) evidence.push({ what: "年度总体目标", value: new D(m[1]) });
  }
  const near = (a: Dec, b: Dec) => b.greaterThan(0) && a.minus(b).abs().lessThanOrEqualTo(b.times("0.005"));
  for (const e of evidence) {
    for (const a of amounts) {
      if (stated === "万元" && !near(a, e.value) && near(a, e.value.times(10000))) return { unit: "元", evidence: { what: e.what, value: e.value, amount: a } };
      if (stated === "元" && !near(a, e.value.times(10000)) && near(a, e.value)) return { unit: "万元", evidence: { what: e.what, value: e.value, amount: a } };
    }
  }
  return { unit: stated };
}

const isLevel2Cost = (level2: string) => level2.replace(/\s+/g, "").includes("成本");

/** AMOUNT_UNIT_SUSPECT: the amounts are in another unit than the table's heading says (info; never scored as such). */
export const amountUnitSuspect: Check = (form) => {
  const { unit, evidence } = amountsUnit(form);
  if (!evidence || unit === form.model.amountUnit) return [];
  const cell = form.fundsTotal?.row.executed.cell;
  return [makeFinding("AMOUNT_UNIT_SUSPECT", [cell], { stated: form.model.amountUnit, unit, amount: evidence.amount.toFixed(2), what: evidence.what, value: evidence.value.toString() })];
};

/**
 * FUNDS_SUM_MISMATCH on a 部门整体 自评表's 年度主要任务 (rules.md §7.5): the tasks' 预算数 (and 执行数) add up to the
 * 项目支出 row's — or, when it prints none, to the 年度资金总额's.
 */
export const tasksSum: Check = (form) => {
  const tasks = form.model.tasks;
  if (tasks.length === 0) return [];
  const project = form.funds.find((f) => /项目支出/.test(f.row.label.text.replace(/\s+/g, "")));
  const against = project ?? form.fundsTotal;
  if (!against) return [];
  const out: Finding[] = [];
  const columns: [string, (t: (typeof tasks)[number]) => NumberCell | undefined, Dec | null][] = [
    ["预算数", (t) => t.budget, against.budget],
    ["执行数", (t) => t.executed, against.executed],
  ];
  for (const [name, pick, expected] of columns) {
    const cells = tasks.map(pick).filter((c): c is NumberCell => c !== undefined);
    if (expected === null || cells.length === 0 || cells.some((c) => c.reading.kind === "invalid") || !cells.some((c) => c.reading.kind === "number")) continue;
    const sum = cells.reduce((s, c) => s.plus(amountOf(c)), new D(0));
    if (sum.equals(expected)) continue;
    const partsText = cells.map((c) => amountOf(c).toFixed(2)).join(" + ");
    const which = `“${fundsLabel(against.row.label.text)}”`;
    out.push(makeFinding("FUNDS_SUM_MISMATCH", [against.row[name === "预算数" ? "budget" : "executed"].cell, ...cells.map((c) => c.cell)], { column: `年度主要任务的${name}`, which, total: n2(expected), sum: n2(sum), parts: partsText }, { calculation: `${partsText} = ${n2(sum)}` }));
  }
  return out;
};

/**
 * FUNDS_SUM_MISMATCH on the breakdowns typed under the funds table (rules.md §7.5; the Hunan 部门整体 form): each
 * group's items add up to its head (`按支出性质分:1925.67`), and its head — or, when it prints none, its items — to
 * the 年度资金总额's 全年预算数.
 */
export const breakdownsSum: Check = (form) => {
  const total = form.fundsTotal;
  if (!total?.budget) return [];
  const out: Finding[] = [];
  for (const b of form.model.fundsBreakdowns) {
    const items = b.items.filter((x) => x.amount.reading.kind === "number");
    if (items.length === 0) continue;
    const sum = items.reduce((s, x) => s.plus(amountOf(x.amount)), new D(0));
    const partsText = items.map((x) => amountOf(x.amount).toFixed(2)).join(" + ");
    const head = b.head?.amount.reading.kind === "number" ? b.head : undefined;
    if (head && !sum.equals(amountOf(head.amount))) {
      out.push(makeFinding("FUNDS_SUM_MISMATCH", [head.amount.cell, ...items.map((x) => x.amount.cell)], { column: "全年预算数", which: `“${head.label.text}”`, total: n2(amountOf(head.amount)), sum: n2(sum), parts: partsText }, { calculation: `${partsText} = ${n2(sum)}` }));
      continue;
    }
    const whole = head ? amountOf(head.amount) : sum;
    // printed beside a table of 年初预算数 and 全年预算数, a breakdown may be of either (its cells do not say): only one
    // that is neither is wrong
    const initial = total.row.initialBudget?.reading;
    const ofInitial = initial?.kind === "number" && whole.equals(initial.value);
    if (!whole.equals(total.budget) && !ofInitial) {
      const what = head ? `“${head.label.text}”${n2(whole)}` : `${partsText} = ${n2(sum)}`;
      out.push(makeFinding("FUNDS_SUM_MISMATCH", [total.row.budget.cell, ...(head ? [head.amount.cell] : items.map((x) => x.amount.cell))], { column: "全年预算数", total: n2(total.budget), sum: n2(whole), parts: what }, { calculation: `${what}` }));
    }
  }
  return out;
};

/**
 * FIELD_MISSING (error): the 年度资金总额's 全年预算数 or 全年执行数 left blank beside the other — an amount the form needs
 * (rules.md §4), not a 0: no 执行率 and no 预算执行得分 are computed from it.
 */
export const totalAmountMissing: Check = (form) => {
  const t = form.fundsTotal?.row;
  if (!t) return [];
  const [b, e] = [t.budget.reading.kind, t.executed.reading.kind];
  if (b === "none" && e === "number") return [makeFinding("FIELD_MISSING", [t.budget.cell], { part: `“${fundsLabel(t.label.text)}”的全年预算数`, unread: "no", form: "自评表" })];
  if (e === "none" && b === "number") return [makeFinding("FIELD_MISSING", [t.executed.cell], { part: `“${fundsLabel(t.label.text)}”的全年执行数`, unread: "no", form: "自评表" })];
  return [];
};
