import { CellRef } from "../../grid/cellRef";
import { normalizeProse } from "../../grid/normalizeLabel";
import { FormKind, isDeclaration } from "../../locate/layout";
import { Target } from "../../model/parseTarget";
import { ScoredForm } from "../../score/scoreForm";
import { Finding } from "../codes";
import { makeFinding } from "../makeFinding";

/**
 * A 自评表 against its 绩效目标申报表 (rules.md §7.4): the targets it scores against must be the ones declared. What
 * each form brings to the comparison, as plain data (like FormFingerprint, so that forms checked in workers compare):
 */
export interface CycleFingerprint {
  readonly kind: FormKind;
  /** The project's code when its name carries one (`51000021R000000019951-工资性支出`), else "". */
  readonly code: string;
  /** Each indicator: its name as a key (spacing and punctuation aside, numbers kept), its target as printed and as a key. */
  readonly indicators: readonly { readonly nameKey: string; readonly name: string; readonly target: string; readonly targetKey: string; readonly targetCell: CellRef; readonly nameCell: CellRef }[];
  /** A 自评表's 年初预算数 (else 全年预算数) of its total; a 申报表's 年度资金总额. */
  readonly amount: string | null;
  readonly amountCell?: CellRef;
  /** Where a 自评表's indicator table starts: where a dropped indicator is said. */
  readonly tableCell?: CellRef;
}

/** `51000021R000000019951-工资性支出` → `51000021R000000019951`; a code is ten letters or digits at least. */
export function projectCode(name: string): string {
  return /^\s*([0-9A-Za-z]{10,})\s*[-—－_\s]/.exec(name)?.[1] ?? "";
}

/** A target as a key: the same comparison of the same number in the same unit, whatever its printing (`≥90%`, `≥90.00(%)`). */
function targetKey(target: Target, text: string): string {
  if (target.kind === "quantitative") return `q|${target.op === "implicit" ? ">=" : target.op}|${target.value.toString()}|${target.unit}`;
  return `t|${normalizeProse(text)}`;
}

export function cycleFingerprint(f: ScoredForm): CycleFingerprint {
  const m = f.model;
  const declared = m.declaredFunds.find((r) => r.kind === "fundsTotal");
  const total = f.fundsTotal?.row;
  const amountCell = declared ? declared.amount : total?.initialBudget?.reading.kind === "number" ? total.initialBudget : total?.budget;
  const first = m.indicators[0];
  return {
    kind: m.kind,
    code: projectCode(m.projectName?.text ?? ""),
    indicators: m.indicators.map((i) => ({
      nameKey: normalizeProse(i.name.text),
      name: i.name.text.trim(),
      target: i.targetText.text,
      targetKey: targetKey(i.target, i.targetText.text),
      targetCell: i.targetText.cell,
      nameCell: i.name.cell,
    })),
    amount: amountCell?.reading.kind === "number" ? amountCell.reading.value.toFixed(2) : null,
    ...(amountCell ? { amountCell: amountCell.cell } : {}),
    ...(first ? { tableCell: first.level1.cell } : {}),
  };
}

/** A form among others as the comparison sees it. */
export interface CycleForm {
  readonly cycle: CycleFingerprint;
  readonly projectKey: string;
  readonly project: string;
  readonly where: string;
}

/**
 * Each 自评表 against the 申报表 of its project among the forms given (a workbook, two files, a folder): matched by
 * project code, else 项目名称; when `pairAlone`, a lone 自评表 and a lone 申报表 are paired whatever their names (the
 * user named the declaration: `--declaration`). Findings, by the forms' index, on the 自评表 only:
 * TARGET_CHANGED_FROM_DECLARATION, INDICATOR_DROPPED, INDICATOR_ADDED and BUDGET_DIFFERS_FROM_DECLARATION.
 */
export function declarationFindings(forms: readonly CycleForm[], options: { readonly pairAlone?: boolean } = {}): Finding[][] {
  const out: Finding[][] = forms.map(() => []);
  const declarations = forms.map((f, i) => ({ f, i })).filter(({ f }) => isDeclaration(f.cycle.kind));
  const selfs = forms.map((f, i) => ({ f, i })).filter(({ f }) => !isDeclaration(f.cycle.kind));
  if (declarations.length === 0 || selfs.length === 0) return out;
  for (const { f, i } of selfs) {
    const department = f.cycle.kind === "departmentSelfEvaluation";
    const candidates = declarations.filter(({ f: d }) => (d.cycle.kind === "departmentDeclaration") === department);
    const match =
      candidates.find(({ f: d }) => f.cycle.code !== "" && d.cycle.code === f.cycle.code) ??
      candidates.find(({ f: d }) => f.projectKey !== "" && d.projectKey === f.projectKey) ??
      (options.pairAlone && selfs.length === 1 && candidates.length === 1 ? candidates[0] : undefined);
    if (match) out[i].push(...against(f, match.f));
  }
  return out;
}

function against(self: CycleForm, declaration: CycleForm): Finding[] {
  const out: Finding[] = [];
  const where = declaration.where;
  const declared = new Map(declaration.cycle.indicators.map((d) => [d.nameKey, d]));
  const mine = new Set(self.cycle.indicators.map((x) => x.nameKey));
  for (const x of self.cycle.indicators) {
    const d = declared.get(x.nameKey);
    if (!d) {
      if (x.nameKey !== "") out.push(makeFinding("INDICATOR_ADDED", [x.nameCell], { name: x.name, where }));
      continue;
    }
    if (d.targetKey !== x.targetKey) out.push(makeFinding("TARGET_CHANGED_FROM_DECLARATION", [x.targetCell], { name: x.name, declared: d.target, now: x.target, where }));
  }
  for (const d of declaration.cycle.indicators) {
    if (d.nameKey !== "" && !mine.has(d.nameKey)) out.push(makeFinding("INDICATOR_DROPPED", [self.cycle.tableCell], { name: d.name, target: d.target, where }));
  }
  const [a, b] = [self.cycle.amount, declaration.cycle.amount];
  if (a !== null && b !== null && a !== b) out.push(makeFinding("BUDGET_DIFFERS_FROM_DECLARATION", [self.cycle.amountCell], { now: a, declared: b, where }));
  return out;
}
