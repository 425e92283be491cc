import { NumberCell } from "../../model/types";
import { Finding, FormPart } from "../codes";
import { fundsLabel } from "../format";
import { makeFinding } from "../makeFinding";
import { Check } from "./check";

/** A number read from a cell that is below zero (an amount, a weight or a score cannot be). */
export function isNegative(cell: NumberCell | undefined): boolean {
  return cell?.reading.kind === "number" && cell.reading.value.isNegative() && !cell.reading.value.isZero();
}

/**
 * NUMBER_NEGATIVE: a negative amount (年初预算数, 全年预算数, 全年执行数), 分数/分值 or 得分 (预算执行得分, the 总分 row)
 * — nothing is scored from it (score/scoreForm.ts). A negative indicator 得分 is SCORE_OUT_OF_RANGE already.
 */
export const negativeNumbers: Check = (form) => {
  const out: Finding[] = [];
  const check = (cell: NumberCell | undefined, what: string, part: FormPart) => {
    if (cell && isNegative(cell) && cell.reading.kind === "number") {
      out.push({ ...makeFinding("NUMBER_NEGATIVE", [cell.cell], { what, value: cell.reading.value.toFixed(2) }), part });
    }
  };
  for (const { row } of form.funds) {
    const label = fundsLabel(row.label.text);
    check(row.initialBudget, `“${label}”的年初预算数`, "funds");
    check(row.budget, `“${label}”的全年预算数`, "funds");
    check(row.executed, `“${label}”的全年执行数`, "funds");
    check(row.weight, "预算执行分数", "funds");
    check(row.score, "预算执行得分", "funds");
  }
  for (const i of form.model.indicators) check(i.weight, `指标“${i.name.text}”的分值`, "indicators");
  check(form.model.totalRow?.weight, "总分行的分值", "total");
  check(form.model.totalRow?.score, "总分", "total");
  return out;
};
