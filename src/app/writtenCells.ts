import { CellWrite, SheetReport, toA1, WriteKind, WritePlan } from "../engine";
import { displayValue } from "./cellText";

/**
 * One cell a write plan writes, as the user reads it (rules.md §5: "every written cell is listed — cell,
 * previous value → new value, and why"). The same list goes to the pane (已写入 / 待写入), the 校验结果 sheet of a
 * scored copy and the ribbon's result dialog, so all three say the same thing.
 */
export interface WrittenCell {
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  readonly kind: WriteKind;
  /** What the cell is: 执行率（年度资金总额）, 得分（指标“采购设备数量”）, 总分 … */
  readonly what: string;
  /** What it held before, as displayed ("" when it was empty). */
  readonly previous: string;
  /** What is written, as it will be displayed. */
  readonly value: string;
  /** Why it is written: 原为空 / 原填 94.00，与计算结果不同 — then how the value was computed. */
  readonly why: string;
}

type Form = NonNullable<SheetReport["form"]>;

/** The form of the sheet a written cell belongs to (a sheet may hold several). */
function formOf(a1: string, forms: readonly Form[]): Form | null {
  return (
    forms.find(
      (f) =>
        f.funds.some((x) => x.rate.cell === a1 || x.score?.cell === a1) ||
        f.indicators.some((i) => i.score.cell === a1) ||
        f.total.cell === a1 ||
        f.grade.cell === a1,
    ) ?? forms[0] ?? null
  );
}

/** What the cell is and how its value is computed, from the report of the same check. */
function describe(w: CellWrite, a1: string, form: Form | null): { what: string; calculation: string } {
  switch (w.kind) {
    case "rate": {
      const row = form?.funds.find((f) => f.rate.cell === a1);
      return { what: row ? `执行率（${row.label}）` : "执行率", calculation: row?.calculation ?? "" };
    }
    case "budgetScore":
      return { what: "预算执行得分", calculation: form?.calculations.budgetScore ?? "" };
    case "indicatorScore": {
      const ind = form?.indicators.find((i) => i.score.cell === a1);
      return { what: ind ? `得分（指标“${ind.name}”）` : "得分", calculation: ind?.calculation ?? "" };
    }
    case "totalScore":
      return { what: "总分", calculation: form?.calculations.total ?? "" };
    case "grade":
      return { what: "评分等级", calculation: form?.total.computed ? `按总分 ${form.total.computed} 评定` : "" };
  }
}

/**
 * The written cells of a plan, in the plan's order. `report` is the report of the same check (for the labels and
 * the calculations); previous and new values are shown in the cell's own number format.
 */
export function describeWrites(plan: WritePlan, report: SheetReport): WrittenCell[] {
  return plan.writes.map((w) => {
    const a1 = toA1(w.cell);
    const previous = displayValue(w.previous.value, w.previous.numberFormat).trim();
    const value = displayValue(w.value, w.numberFormat ?? w.previous.numberFormat);
    const { what, calculation } = describe(w, a1, formOf(a1, report.forms.map((f) => f.form)));
    const reason = previous === "" ? "原为空" : `原填 ${previous}，与计算结果不同`;
    return { sheet: plan.sheet, cell: a1, kind: w.kind, what, previous, value, why: calculation ? `${reason}；${calculation}` : reason };
  });
}
