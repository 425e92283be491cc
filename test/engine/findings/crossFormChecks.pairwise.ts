/**
 * The checks across forms as they were before issue 23 (src/engine/findings/checks/crossFormChecks.ts at 363c74c):
 * every pair of forms that share an indicator row visited, PROJECT_DUPLICATED by a search of the name's group for each
 * form. Quadratic (a 20,000-form workbook whose forms share their 满意度 rows took 229 s), but plainly right: kept here
 * as the reference the indexed implementation must equal, finding for finding (crossFormChecks.test.ts).
 */
import { FormAmongOthers } from "../../../src/engine";
import { Finding } from "../../../src/engine/findings/codes";
import { makeFinding } from "../../../src/engine/findings/makeFinding";
// the 预期目标 check was one map before issue 23 too, unchanged since: not a pair loop to keep a reference of
import { goalsCopied } from "../../../src/engine/findings/checks/crossFormChecks";

function projectsDuplicated(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const byName = new Map<string, number[]>();
  forms.forEach(({ form }, i) => {
    if (form.projectKey !== "") byName.set(form.projectKey, [...(byName.get(form.projectKey) ?? []), i]);
  });
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const i of group) {
      const other = group.find((j) => j !== i && forms[j].form.figures !== forms[i].form.figures);
      if (other === undefined) continue;
      const [a, b] = [forms[i].form, forms[other].form];
      out[i].push(
        makeFinding("PROJECT_DUPLICATED", [a.projectCell], {
          project: a.project,
          where: forms[other].where,
          mine: a.figures.replace(/\//g, "、"),
          theirs: b.figures.replace(/\//g, "、"),
        }),
      );
    }
  }
}

const MIN_COPIED_ROWS = 3;

function indicatorsCopied(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const formsByRow = new Map<string, Set<number>>();
  forms.forEach(({ form }, i) =>
    form.rows.forEach(({ key }) => {
      if (!formsByRow.has(key)) formsByRow.set(key, new Set());
      formsByRow.get(key)!.add(i);
    }),
  );
  forms.forEach(({ form }, i) => {
    const shared = new Map<number, number[]>();
    form.rows.forEach(({ key }, r) => {
      for (const j of formsByRow.get(key) ?? []) if (j !== i) shared.set(j, [...(shared.get(j) ?? []), r]);
    });
    for (const [j, rows] of shared) {
      const other = forms[j].form;
      if (form.projectKey !== "" && other.projectKey === form.projectKey) continue; // the same project
      if (rows.length < MIN_COPIED_ROWS || rows.length * 3 < form.rows.length * 2) continue;
      const first = form.rows[rows[0]];
      out[i].push(makeFinding("INDICATORS_COPIED_FROM_OTHER_FORM", [first.actualCell], { count: String(rows.length), name: first.name, where: forms[j].where, project: other.project }));
      break;
    }
  });
}

/** crossFormFindings() as it was: each form's extra findings, by index. */
export function pairwiseCrossFormFindings(forms: readonly FormAmongOthers[]): Finding[][] {
  const out: Finding[][] = forms.map(() => []);
  goalsCopied(forms, out);
  projectsDuplicated(forms, out);
  indicatorsCopied(forms, out);
  return out;
}
