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
 * form's. Linear already (one map of 预期目标): the pairwise reference of the tests calls it as it is.
 */
export function goalsCopied(forms: readonly FormAmongOthers[], out: Finding[][]): void {
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

/**
 * PROJECT_DUPLICATED: the same 项目名称 on two forms whose figures differ: one of them is not what it says. Each form
 * names the first form of its name (in order) whose figures differ from its own: the name's first form, unless the two
 * agree — then the first form that differs from that one. One pass over each name's forms, however many there are.
 */
function projectsDuplicated(forms: readonly FormAmongOthers[], out: Finding[][]): void {
  const byName = new Map<string, number[]>();
  forms.forEach(({ form }, i) => {
    if (form.projectKey === "") return;
    const group = byName.get(form.projectKey);
    if (group) group.push(i);
    else byName.set(form.projectKey, [i]);
  });
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const head = forms[group[0]].form.figures;
    const differing = group.find((j) => forms[j].form.figures !== head);
    if (differing === undefined) continue;
    for (const i of group) {
      const other = forms[i].form.figures !== head ? group[0] : differing;
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

/** The fewest rows another form must share with a form of `rows` indicator rows for INDICATORS_COPIED (three, two thirds). */
const rowsToShare = (rows: number): number => Math.max(MIN_COPIED_ROWS, (rows * 2 + ((3 - ((rows * 2) % 3)) % 3)) / 3);

/**
 * Forms whose indicator rows make the same set: for the check they are one, told apart only by their position and
 * their project. `first` is the first of them; `second` the first that is not of first's project (-1: none) — the
 * only two a form can be told to have copied from them (any other is later than one of those two and not of a
 * different project from the form than they are).
 */
interface RowSet {
  readonly keys: ReadonlySet<string>;
  readonly first: number;
  second: number;
  /** The last form whose candidates this set was counted among (so that it is counted once a form). */
  seen: number;
}

/** Which forms are of one project for the check: the same 项目名称, or the same form when it has none. */
const projectOf = (forms: readonly FormAmongOthers[], i: number): string => forms[i].form.projectKey || `\u0000${i}`;

/** The form of `set` that form `i` is compared with: its first one not of i's project (-1 when all are). */
function memberFor(set: RowSet, forms: readonly FormAmongOthers[], i: number): number {
  return projectOf(forms, set.first) !== projectOf(forms, i) ? set.first : set.second;
}

/** How many of form i's rows (in order, repeats counted) are in `set`, and the first of them (-1: none). */
function sharedRows(keys: readonly string[], set: RowSet): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let r = 0; r < keys.length; r++) {
    if (set.keys.has(keys[r])) {
      count++;
      if (first < 0) first = r;
    }
  }
  return { count, first };
}

/** The row sets of all forms, each form's set, and for each row the sets that hold it (in the order of their first forms). */
function rowSets(forms: readonly FormAmongOthers[]): { setOf: RowSet[]; setsWith: Map<string, RowSet[]> } {
  const bySignature = new Map<string, RowSet>();
  const setsWith = new Map<string, RowSet[]>();
  const setOf = forms.map(({ form }, i) => {
    const keys = new Set(form.rows.map((r) => r.key));
    const signature = JSON.stringify([...keys].sort());
    let set = bySignature.get(signature);
    if (!set) {
      set = { keys, first: i, second: -1, seen: -1 };
      bySignature.set(signature, set);
      for (const key of keys) {
        const sets = setsWith.get(key);
        if (sets) sets.push(set);
        else setsWith.set(key, [set]);
      }
    } else if (set.second < 0 && projectOf(forms, i) !== projectOf(forms, set.first)) set.second = i;
    return set;
  });
  return { setOf, setsWith };
}

/** The form another form copied its rows from, the rows shared and the first of them; null when none. */
interface Copied {
  readonly from: number;
  readonly count: number;
  readonly first: number;
}

/** Better: shares an earlier row of the form, or the same one first and comes first itself. */
const before = (a: Copied, b: Copied | null): boolean => b === null || a.first < b.first || (a.first === b.first && a.from < b.from);

/**
 * Form i's answer from its candidates: every row set holding one of its rarest rows. A set sharing `need` of its n
 * rows misses at most n − need of them, so it holds at least one of any n − need + 1: of the rarest n − need + 1 (held by
 * the fewest sets). Cost: the sets holding those rows, each counted over the form's rows.
 */
function copiedAmongRarest(forms: readonly FormAmongOthers[], i: number, keys: readonly string[], need: number, rarest: readonly string[], setsWith: Map<string, RowSet[]>): Copied | null {
  let best: Copied | null = null;
  for (const key of rarest) {
    for (const set of setsWith.get(key) ?? []) {
      if (set.seen === i) continue;
      set.seen = i;
      const from = memberFor(set, forms, i);
      if (from < 0) continue;
      const { count, first } = sharedRows(keys, set);
      const found = { from, count, first };
      if (count >= need && before(found, best)) best = found;
    }
  }
  return best;
}

/**
 * Form i's answer by its rows in order: the sets holding row r and none of the rows before it are the ones that share
 * row r first; among those the first form wins, and the sets are listed in the order of their first forms, so the
 * scan of a row stops at a set whose first form comes after the best found. Quick when copies abound (the first set
 * looked at answers), slow when a common row is shared by many sets of which none shares enough.
 */
function copiedInRowOrder(forms: readonly FormAmongOthers[], i: number, keys: readonly string[], need: number, setsWith: Map<string, RowSet[]>): Copied | null {
  const earlier = new Set<string>();
  // a set sharing `need` rows shares one of the first n − need + 1
  for (let r = 0; r <= keys.length - need; r++) {
    const key = keys[r];
    if (earlier.has(key)) continue;
    let best: Copied | null = null;
    for (const set of setsWith.get(key) ?? []) {
      if (best && set.first >= best.from) break;
      let sharesEarlier = false;
      for (const k of earlier) if (set.keys.has(k)) sharesEarlier = true;
      if (sharesEarlier) continue;
      const from = memberFor(set, forms, i);
      if (from < 0 || (best && from >= best.from)) continue;
      const { count } = sharedRows(keys, set);
      if (count >= need) best = { from, count, first: r };
    }
    if (best) return best;
    earlier.add(key);
  }
  return null;
}

/**
 * When the rarest rows of a form are held by more row sets than this, its answer is sought row by row instead
 * (copiedInRowOrder): such a form is made of common rows, and is then most likely a copy found at once.
 */
export const RAREST_SCAN_LIMIT = 256;

/**
 * INDICATORS_COPIED_FROM_OTHER_FORM: most of a form's indicator rows (three at least, two thirds of them) are another
 * project's, unchanged — names, targets and actuals alike. The form named is the one that shares the form's earliest
 * row (then the first in order) among those that share enough.
 *
 * In near-linear time (issue 23): forms with the same set of rows are taken as one (a folder of copies is one set),
 * and a form is compared only with the sets holding its rarest rows — a copy must hold one of them (see
 * copiedAmongRarest) — so the standard rows every form has (its 满意度 row) cost nothing. Not every pair, as before
 * (test/engine/findings/crossFormChecks.pairwise.ts, which the findings must equal).
 */
function indicatorsCopied(forms: readonly FormAmongOthers[], out: Finding[][], rarestScanLimit = RAREST_SCAN_LIMIT): void {
  const { setsWith } = rowSets(forms);
  forms.forEach(({ form }, i) => {
    const keys = form.rows.map((r) => r.key);
    if (keys.length < MIN_COPIED_ROWS) return;
    const need = rowsToShare(keys.length);
    const rarest = [...keys].sort((a, b) => (setsWith.get(a)?.length ?? 0) - (setsWith.get(b)?.length ?? 0)).slice(0, keys.length - need + 1);
    const candidates = rarest.reduce((n, key) => n + (setsWith.get(key)?.length ?? 0), 0);
    const copied = candidates <= rarestScanLimit ? copiedAmongRarest(forms, i, keys, need, rarest, setsWith) : copiedInRowOrder(forms, i, keys, need, setsWith);
    if (!copied) return;
    const first = form.rows[copied.first];
    const other = forms[copied.from];
    out[i].push(makeFinding("INDICATORS_COPIED_FROM_OTHER_FORM", [first.actualCell], { count: String(copied.count), name: first.name, where: other.where, project: other.form.project }));
  });
}

/**
 * The checks that compare forms with each other — of one workbook, or of a folder of them: one implementation for the
 * add-in, the file mode and the command line. Returns each form's extra findings, by index.
 */
export function crossFormFindings(forms: readonly FormAmongOthers[], options: { readonly rarestScanLimit?: number; readonly pairAlone?: boolean } = {}): Finding[][] {
  // a 申报表 and its 自评表 share their name and rows by design: the copies are looked for among 自评表 only, and each
  // 自评表 is held against its 申报表 instead (rules.md §7.4)
  const selfs = forms.map((f, i) => ({ f, i })).filter(({ f }) => !isDeclaration(f.form.cycle.kind));
  const some: Finding[][] = selfs.map(() => []);
  const among = selfs.length === forms.length ? forms : selfs.map(({ f }) => f);
  goalsCopied(among, some);
  projectsDuplicated(among, some);
  indicatorsCopied(among, some, options.rarestScanLimit);
  const out: Finding[][] = forms.map(() => []);
  selfs.forEach(({ i }, k) => out[i].push(...some[k]));
  const cycle = declarationFindings(forms.map((f) => ({ cycle: f.form.cycle, projectKey: f.form.projectKey, project: f.form.project, where: f.where })), { pairAlone: options.pairAlone });
  cycle.forEach((findings, i) => out[i].push(...findings));
  return out;
}
