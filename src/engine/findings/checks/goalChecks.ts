import { normalizeProse } from "../../grid/normalizeLabel";
import { ScoredForm } from "../../score/scoreForm";
import { Finding } from "../codes";
import { makeFinding } from "../makeFinding";
import { Check } from "./check";

/** GOAL_MISSING and GOAL_ACTUAL_COPIED on the 年度总体目标 block. */
export const goalChecks: Check = (form) => {
  const { expected, actual } = form.model.goal;
  const out: Finding[] = [];
  if (expected && expected.text === "") out.push(makeFinding("GOAL_MISSING", [expected.cell], { which: "预期目标" }));
  if (actual && actual.text === "") out.push(makeFinding("GOAL_MISSING", [actual.cell], { which: "实际完成情况" }));
  if (expected && actual && expected.text !== "" && normalizeProse(expected.text) === normalizeProse(actual.text)) {
    out.push(makeFinding("GOAL_ACTUAL_COPIED", [actual.cell, expected.cell]));
  }
  return out;
};

/**
 * GOAL_COPIED_FROM_OTHER_FORM, across the forms of one workbook: a form whose 实际完成情况 is not its own 预期目标
 * (that is GOAL_ACTUAL_COPIED) but another form's. Returns the extra findings by form index.
 */
export function goalsCopiedAcrossForms(forms: readonly (ScoredForm | null)[]): Map<number, Finding[]> {
  const expectedBy = new Map<string, number>();
  forms.forEach((f, i) => {
    const text = f?.model.goal.expected?.text;
    if (text && !expectedBy.has(normalizeProse(text))) expectedBy.set(normalizeProse(text), i);
  });
  const out = new Map<number, Finding[]>();
  forms.forEach((f, i) => {
    const actual = f?.model.goal.actual;
    if (!f || !actual || actual.text === "") return;
    const key = normalizeProse(actual.text);
    if (key === normalizeProse(f.model.goal.expected?.text ?? "")) return;
    const j = expectedBy.get(key);
    if (j === undefined || j === i) return;
    const other = forms[j]!;
    out.set(i, [makeFinding("GOAL_COPIED_FROM_OTHER_FORM", [actual.cell], { sheet: other.model.sheet, project: other.model.projectName?.text || "未填写项目名称" })]);
  });
  return out;
}
