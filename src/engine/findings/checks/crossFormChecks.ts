import { CellRef } from "../../grid/cellRef";
import { normalizeProse } from "../../grid/normalizeLabel";
import { ScoredForm } from "../../score/scoreForm";
import { Finding } from "../codes";
import { n2 } from "../format";
import { makeFinding } from "../makeFinding";
import { CycleFingerprint, cycleFingerprint, declarationFindings } from "./declarationMatch";
import { isDeclaration } from "../../locate/layout";

/**
 * What the checks across forms compare of one form, as plain data: texts already normalised, cells as addresses. Plain
 * so that a form checked in a worker thread (a folder, a large workbook) can be compared with the others in the main
 * thread without sending its model (Decimals do not survive a structured clone).
 */
export interface FormFingerprint {
  /** 项目名称 as printed (trimmed), or 未填写项目名称. */
  readonly project: string;
  /** 项目名称 normalised; "" when blank. */
  readonly projectKey: string;
  readonly projectCell?: CellRef;
  /** 预期目标 normalised; "" when blank. */
  readonly expectedKey: string;
  /** 实际完成情况 normalised with its cell; null when blank. */
  readonly actual: { readonly key: string; readonly cell: CellRef } | null;
  /** The figures that say which project a form is: 全年预算数/全年执行数/总分 as printed. */
  readonly figures: string;
  /** Each indicator row as a reviewer compares it (name|target|actual normalised), its name and its actual's cell. */
  readonly rows: readonly { readonly key: string; readonly name: string; readonly actualCell: CellRef }[];
  /** What a 自评表 and its 申报表 compare (rules.md §7.4): the form's kind, its code, its targets, its money. */
  readonly cycle: CycleFingerprint;
}

/** A form among others (of a workbook, of a folder), and how a message names where it is (`工作表“表9”`). */
export interface FormAmongOthers {
  readonly form: FormFingerprint;
  readonly where: string;
}

/** The figures that say which project a form is: 全年预算数, 全年执行数, 总分 as printed. */
function figures(f: ScoredForm): string {
  const t = f.fundsTotal;
  const total = f.model.totalRow?.score?.reading;
  return [n2(t?.budget), n2(t?.executed), total?.kind === "number" ? n2(total.value) : "—"].join("/");
}

/** The fingerprint of a scored form (see FormFingerprint). */
export function formFingerprint(f: ScoredForm): FormFingerprint {
  const m = f.model;
  const actual = m.goal.actual && m.goal.actual.text !== "" ? { key: normalizeProse(m.goal.actual.text), cell: m.goal.actual.cell } : null;
  return {
    project: m.projectName?.text.trim() || "未填写项目名称",
    projectKey: normalizeProse(m.projectName?.text ?? ""),
    ...(m.projectName?.cell ? { projectCell: m.projectName.cell } : {}),
    expectedKey: normalizeProse(m.goal.expected?.text ?? ""),
    actual,
    figures: figures(f),
    rows: f.indicators.map(({ indicator: x }) => ({
      key: [x.name.text, x.targetText.text, x.actualText.text].map(normalizeProse).join("|"),
      name: x.name.text,
      actualCell: x.actualText.cell,
    })),
    cycle: cycleFingerprint(f),
  };
}

/**
 * GOAL_COPIED_FROM_OTHER_FORM: a form whose 实际完成情况 is not its own 预期目标 (that is GOAL_ACTUAL_COPIED) but another
 * form's.
 */
function goalsCopied(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const expectedBy = new Map<string, number>();
  forms.forEach(({ form }, i) => {
    if (form.expectedKey !== "" && !expectedBy.has(form.expectedKey)) expectedBy.set(form.expectedKey, i);
  });
  forms.forEach(({ form }, i) => {
    const actual = form.actual;
    if (!actual || actual.key === "" || actual.key === form.expectedKey) return;
    const j = expectedBy.get(actual.key);
    if (j === undefined || j === i) return;
    out[i].push(makeFinding("GOAL_COPIED_FROM_OTHER_FORM", [actual.cell], { where: forms[j].where, project: forms[j].form.project }));
  });
}

/** PROJECT_DUPLICATED: the same 项目名称 on two forms whose figures differ: one of them is not what it says. */
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

/**
 * INDICATORS_COPIED_FROM_OTHER_FORM: most of a form's indicator rows (three at least, two thirds of them) are another
 * project's, unchanged — names, targets and actuals alike.
 */
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

/**
 * The checks that compare forms with each other — of one workbook, or of a folder of them: one implementation for the
 * add-in, the file mode and the command line. Returns each form's extra findings, by index.
 */
export function crossFormFindings(forms: readonly FormAmongOthers[], options: { readonly pairAlone?: boolean } = {}): Finding[][] {
  // a 申报表 and its 自评表 share their name and rows by design: the copies are looked for among 自评表 only, and each
  // 自评表 is held against its 申报表 instead (rules.md §7.4)
  const selfs = forms.map((f, i) => ({ f, i })).filter(({ f }) => !isDeclaration(f.form.cycle.kind));
  const some: Finding[][] = selfs.map(() => []);
  const among = selfs.map(({ f }) => f);
  goalsCopied(among, some);
  projectsDuplicated(among, some);
  indicatorsCopied(among, some);
  const out: Finding[][] = forms.map(() => []);
  selfs.forEach(({ i }, k) => out[i].push(...some[k]));
  const cycle = declarationFindings(forms.map((f) => ({ cycle: f.form.cycle, projectKey: f.form.projectKey, project: f.form.project, where: f.where })), options);
  cycle.forEach((findings, i) => out[i].push(...findings));
  return out;
}
