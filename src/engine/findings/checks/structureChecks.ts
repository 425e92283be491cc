import { cellRef } from "../../grid/cellRef";
import { NumberCell } from "../../model/types";
import { Finding } from "../codes";
import { fundsLabel } from "../format";
import { makeFinding } from "../makeFinding";
import { Check } from "./check";
import { isDeclaration } from "../../locate/layout";

/**
 * FIELD_MISSING: every part of the form the locator could not find; a missing column names the header labels of its
 * table that could not be placed, the likely reason.
 */
export const fieldMissing: Check = (form) =>
  form.model.missing.map((m) => {
    const table = m.part.startsWith("指标表") ? "indicators" : m.part.startsWith("项目资金表") ? "funds" : null;
    const unplaced = table ? form.model.unplaced.filter((u) => u.where === table).map((u) => `“${u.text}”`).join("、") : "";
    const formName = isDeclaration(form.model.kind) ? "申报表" : "自评表";
    return makeFinding("FIELD_MISSING", [m.near], { part: m.part, ...(unplaced ? { unplaced } : {}), unread: m.unread ? "yes" : "no", form: formName }, { severity: m.severity });
  });

const TABLE_NAMES = { funds: "项目资金表的表头", indicators: "绩效指标表的表头" } as const;

/** HEADER_UNRECOGNIZED: a header label of a table that the locator could not place, named so the user sees why. */
export const headerUnrecognized: Check = (form) =>
  form.model.unplaced.map((u) => makeFinding("HEADER_UNRECOGNIZED", [cellRef(form.model.sheet, u.at.row, u.at.col)], { text: u.text, where: TABLE_NAMES[u.where] }));

/** VALUE_NOT_NUMBER: an amount, 分数, 执行率, 分值 or 得分 cell holding text that is no number. */
export const valueNotNumber: Check = (form) => {
  const out: Finding[] = [];
  const check = (cell: NumberCell | undefined, what: string) => {
    if (cell?.reading.kind === "invalid") out.push(makeFinding("VALUE_NOT_NUMBER", [cell.cell], { what, text: cell.reading.text }));
  };
  for (const { row } of form.funds) {
    const label = fundsLabel(row.label.text);
    check(row.initialBudget, `“${label}”的年初预算数`);
    check(row.budget, `“${label}”的全年预算数`);
    check(row.executed, `“${label}”的全年执行数`);
    check(row.weight, "预算执行分数");
    check(row.rate, `“${label}”的执行率`);
    check(row.score, "预算执行得分");
  }
  for (const i of form.model.indicators) {
    check(i.weight, `指标“${i.name.text}”的分值`);
    check(i.score, `指标“${i.name.text}”的得分`);
  }
  check(form.model.totalRow?.weight, "总分行的分值");
  check(form.model.totalRow?.score, "总分");
  return out;
};

/**
 * FORM_NOT_FOUND, for a sheet without a form (the model-free path). When the sheet holds labels of a form's tables
 * (`一级指标`, `全年预算数` …) but no header row the locator can read, the finding names them and points at the first.
 */
export function formNotFound(sheet: string, near: readonly { readonly text: string; readonly row: number; readonly col: number }[] = []): Finding {
  const first = near[0];
  const names = near.slice(0, 4).map((l) => `“${l.text}”`).join("");
  return makeFinding("FORM_NOT_FOUND", [cellRef(sheet, first?.row ?? 1, first?.col ?? 1)], { sheet, ...(names ? { near: names } : {}) });
}
