import { type FormKind, isDeclaration } from "../locate/layout";

/** Each form of the cycle as accountants call it (rules.md §7.1). */
export const FORM_KIND_NAMES: Readonly<Record<FormKind, string>> = Object.freeze({
  selfEvaluation: "项目支出绩效自评表",
  declaration: "绩效目标申报表",
  departmentSelfEvaluation: "部门整体支出绩效自评表",
  departmentDeclaration: "部门整体支出绩效目标表",
});

/** `这是一张绩效目标申报表` — what the pane and the reports say of a form, with what is done with it. */
export function formKindSentence(kind: FormKind): string {
  const what = isDeclaration(kind) ? "：只审核目标，不计分" : kind === "departmentSelfEvaluation" ? "：按自评表的规则计分" : "";
  return `这是一张${FORM_KIND_NAMES[kind]}${what}`;
}
