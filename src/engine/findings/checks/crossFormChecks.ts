import { normalizeProse } from "../../grid/normalizeLabel";
import { ScoredForm } from "../../score/scoreForm";
import { Finding } from "../codes";
import { n2 } from "../format";
import { makeFinding } from "../makeFinding";

/** A form among others (of a workbook, of a folder), and how a message names where it is (`工作表“表9”`). */
export interface FormAmongOthers {
  readonly form: ScoredForm;
  readonly where: string;
}

const projectOf = (f: ScoredForm) => f.model.projectName?.text.trim() || "未填写项目名称";

/**
 * GOAL_COPIED_FROM_OTHER_FORM: a form whose 实际完成情况 is not its own 预期目标 (that is GOAL_ACTUAL_COPIED) but another
 * form's.
 */
function goalsCopied(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const expectedBy = new Map<string, number>();
  forms.forEach(({ form }, i) => {
    const text = form.model.goal.expected?.text;
    if (text && !expectedBy.has(normalizeProse(text))) expectedBy.set(normalizeProse(text), i);
  });
  forms.forEach(({ form }, i) => {
    const actual = form.model.goal.actual;
    if (!actual || actual.text === "") return;
    const key = normalizeProse(actual.text);
    if (key === "" || key === normalizeProse(form.model.goal.expected?.text ?? "")) return;
    const j = expectedBy.get(key);
    if (j === undefined || j === i) return;
    out[i].push(makeFinding("GOAL_COPIED_FROM_OTHER_FORM", [actual.cell], { where: forms[j].where, project: projectOf(forms[j].form) }));
  });
}

/** The figures that say which project a form is: 全年预算数, 全年执行数, 总分 as printed. */
function figures(f: ScoredForm): string {
  const t = f.fundsTotal;
  const total = f.model.totalRow?.score?.reading;
  return [n2(t?.budget), n2(t?.executed), total?.kind === "number" ? n2(total.value) : "—"].join("/");
}

/** PROJECT_DUPLICATED: the same 项目名称 on two forms whose figures differ: one of them is not what it says. */
function projectsDuplicated(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const byName = new Map<string, number[]>();
  forms.forEach(({ form }, i) => {
    const name = normalizeProse(form.model.projectName?.text ?? "");
    if (name !== "") byName.set(name, [...(byName.get(name) ?? []), i]);
  });
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const i of group) {
      const other = group.find((j) => j !== i && figures(forms[j].form) !== figures(forms[i].form));
      if (other === undefined) continue;
      const [a, b] = [forms[i].form, forms[other].form];
      out[i].push(
        makeFinding("PROJECT_DUPLICATED", [a.model.projectName?.cell], {
          project: projectOf(a),
          where: forms[other].where,
          mine: figures(a).replace(/\//g, "、"),
          theirs: figures(b).replace(/\//g, "、"),
        }),
      );
    }
  }
}

const MIN_COPIED_ROWS = 3;

/** One indicator row as a reviewer compares it: name, target and actual, spaces and punctuation aside. */
const rowKey = (f: ScoredForm, i: number) => {
  const x = f.indicators[i].indicator;
  return [x.name.text, x.targetText.text, x.actualText.text].map(normalizeProse).join("|");
};

/**
 * INDICATORS_COPIED_FROM_OTHER_FORM: most of a form's indicator rows (three at least, two thirds of them) are another
 * project's, unchanged — names, targets and actuals alike.
 */
function indicatorsCopied(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const formsByRow = new Map<string, Set<number>>();
  forms.forEach(({ form }, i) =>
    form.indicators.forEach((_, r) => {
      const key = rowKey(form, r);
      if (!formsByRow.has(key)) formsByRow.set(key, new Set());
      formsByRow.get(key)!.add(i);
    }),
  );
  forms.forEach(({ form }, i) => {
    const shared = new Map<number, number[]>();
    form.indicators.forEach((_, r) => {
      for (const j of formsByRow.get(rowKey(form, r)) ?? []) if (j !== i) shared.set(j, [...(shared.get(j) ?? []), r]);
    });
    const name = normalizeProse(form.model.projectName?.text ?? "");
    for (const [j, rows] of shared) {
      const other = forms[j].form;
      if (name !== "" && normalizeProse(other.model.projectName?.text ?? "") === name) continue; // the same project
      if (rows.length < MIN_COPIED_ROWS || rows.length * 3 < form.indicators.length * 2) continue;
      const first = form.indicators[rows[0]].indicator;
      out[i].push(makeFinding("INDICATORS_COPIED_FROM_OTHER_FORM", [first.actualText.cell], { count: String(rows.length), name: first.name.text, where: forms[j].where, project: projectOf(other) }));
      break;
    }
  });
}

/**
 * The checks that compare forms with each other — of one workbook, or of a folder of them: one implementation for the
 * add-in, the file mode and the command line. Returns each form's extra findings, by index.
 */
export function crossFormFindings(forms: readonly FormAmongOthers[]): Finding[][] {
  const out: Finding[][] = forms.map(() => []);
  goalsCopied(forms, out);
  projectsDuplicated(forms, out);
  indicatorsCopied(forms, out);
  return out;
}
