import { Acceptance, crossFormFindings, Finding, FindingCode, findingKey, findingReport, FindingReport, formFingerprint, FormFingerprint, FormReport, ScoredForm, SheetReportOf, toA1 } from "../engine";
import type { CellRef } from "../engine";
import type { WorkbookResult } from "./checkWorkbook";
import type { AcceptedFinding, WorkbookStore } from "./workbookStore";

/**
 * The checks across forms over a folder of workbooks (GOAL_COPIED_FROM_OTHER_FORM, PROJECT_DUPLICATED,
 * INDICATORS_COPIED_FROM_OTHER_FORM): the engine's one implementation (crossFormFindings) run over every form of every
 * file, each file having been checked on its own — possibly in a worker — and handed over as plain data: its reports
 * and its forms' fingerprints. Pairs inside one workbook were already found by checkWorkbook and are not reported
 * again; a form gets at most one finding of each of these codes.
 */

/** One form of a checked file as the folder step compares it. Plain data: structured-cloneable. */
export interface FolderForm {
  readonly sheet: string;
  /** Its index in its sheet report's `forms`. */
  readonly index: number;
  readonly fingerprint: FormFingerprint;
  /**
   * The workbook's 忽略 decisions a finding across forms would fall under, by code and the finding's first cell: a
   * decision is keyed by project, code and subject (findingKey), which only the form's model can say, so it is
   * resolved here, where the model is, for the cells such a finding can name.
   */
  readonly accepted: readonly { readonly code: FindingCode; readonly cell: string; readonly ignored: Acceptance }[];
}

/** What the folder step needs of one checked file (its forms' reports as objects, or packed: packedReport.ts). */
export interface FolderFile<F = FormReport> {
  /** The file as the messages name it. */
  readonly file: string;
  readonly sheets: readonly SheetReportOf<F>[];
  readonly forms: readonly FolderForm[];
}

/** The cells a finding of each code across forms names first (crossFormChecks.ts). */
function candidateCells(fingerprint: FormFingerprint): [FindingCode, CellRef][] {
  return [
    ...(fingerprint.actual ? [["GOAL_COPIED_FROM_OTHER_FORM", fingerprint.actual.cell] as [FindingCode, CellRef]] : []),
    ...(fingerprint.projectCell ? [["PROJECT_DUPLICATED", fingerprint.projectCell] as [FindingCode, CellRef]] : []),
    ...fingerprint.rows.map((r) => ["INDICATORS_COPIED_FROM_OTHER_FORM", r.actualCell] as [FindingCode, CellRef]),
    ...fingerprint.cycle.indicators.map((x) => ["TARGET_CHANGED_FROM_DECLARATION", x.targetCell] as [FindingCode, CellRef]),
    ...fingerprint.cycle.indicators.map((x) => ["INDICATOR_ADDED", x.nameCell] as [FindingCode, CellRef]),
    ...(fingerprint.cycle.tableCell ? [["INDICATOR_DROPPED", fingerprint.cycle.tableCell] as [FindingCode, CellRef]] : []),
    ...(fingerprint.cycle.amountCell ? [["BUDGET_DIFFERS_FROM_DECLARATION", fingerprint.cycle.amountCell] as [FindingCode, CellRef]] : []),
  ];
}

/** A 自评表 against its 申报表 says each changed, dropped or added indicator (rules.md §7.4): not one finding a code. */
const ONE_PER_INDICATOR = new Set<FindingCode>(["TARGET_CHANGED_FROM_DECLARATION", "INDICATOR_DROPPED", "INDICATOR_ADDED"]);

/** The workbook's 忽略 decisions by their key, as folderForm looks them up. */
export function acceptedByKey(store: WorkbookStore): ReadonlyMap<string, AcceptedFinding> {
  return new Map(store.accepted.map((a) => [a.key, a]));
}

/** One form of a sheet as the folder step compares it: its fingerprint, and the 忽略 decisions it falls under. */
export function folderForm(
  sheet: string,
  index: number,
  form: ScoredForm,
  accepted: ReadonlyMap<string, AcceptedFinding>,
  fingerprint: FormFingerprint = formFingerprint(form),
): FolderForm {
  const decisions = accepted.size === 0 ? [] : candidateCells(fingerprint).flatMap(([code, cell]) => {
    const probe: Finding = { code, severity: "warning", part: "form", cells: [cell], params: {}, message: "" };
    const a = accepted.get(findingKey(form, probe));
    return a ? [{ code, cell: toA1(cell), ignored: { reason: a.reason, by: a.by, at: a.at } }] : [];
  });
  return { sheet, index, fingerprint, accepted: decisions };
}

/** The forms of a checked workbook as the folder step compares them (only the sheets that were reported). */
export function folderForms(result: WorkbookResult): FolderForm[] {
  const accepted = acceptedByKey(result.store);
  return result.sheets.flatMap((s) => s.analysis.forms.map((f, index) => folderForm(s.report.sheet, index, f.form, accepted)));
}

/**
 * The report of a finding across forms, marked 已忽略 when the form's workbook accepted it: looked up by its code and
 * the cell it names first (errors are never accepted).
 */
export function decidedReport(form: FolderForm | undefined, finding: Finding): FindingReport {
  const report = findingReport(finding);
  const decision = finding.severity === "error" ? undefined : form?.accepted.find((a) => a.code === finding.code && a.cell === report.cells[0]);
  return decision ? { ...report, ignored: decision.ignored } : report;
}

/** How a message names a form of another file of the folder. */
export const whereInFolder = (file: string, sheet: string): string => `文件“${file}”的工作表“${sheet}”`;

/**
 * Each file's sheet reports with the findings across the folder's files added to their forms (sheet.forms[i] and,
 * for the first form, sheet.findings), accepted ones marked 已忽略. Pure: the reports given are not changed.
 */
export function withFolderFindings<F>(files: readonly FolderFile<F>[], where: (file: string, sheet: string) => string = whereInFolder, options: { readonly pairAlone?: boolean } = {}): SheetReportOf<F>[][] {
  const all = files.flatMap((f, file) => f.forms.map((form) => ({ file, form, where: where(f.file, form.sheet) })));
  const extra = crossFormFindings(all.map((x) => ({ form: x.form.fingerprint, where: x.where })), options);
  const filesAt = new Map<string, Set<number>>();
  for (const x of all) filesAt.set(x.where, (filesAt.get(x.where) ?? new Set()).add(x.file));

  const added = files.map(() => new Map<string, FindingReport[]>());
  // each file's sheets by name (the first of a name, as a search would find it)
  const sheetsByName = files.map((f) => {
    const byName = new Map<string, SheetReportOf<F>>();
    for (const s of f.sheets) if (!byName.has(s.sheet)) byName.set(s.sheet, s);
    return byName;
  });
  all.forEach(({ file, form }, k) => {
    const sheet = sheetsByName[file].get(form.sheet);
    const existing = new Set((sheet?.forms[form.index]?.findings ?? []).map((x) => x.code));
    for (const finding of extra[k]) {
      const others = filesAt.get(finding.params.where) ?? new Set();
      // a pair within the workbook: checkWorkbook reported it already
      if ([...others].every((o) => o === file)) continue;
      if (!ONE_PER_INDICATOR.has(finding.code)) {
        if (existing.has(finding.code)) continue;
        existing.add(finding.code);
      }
      const key = `${form.sheet}\u0000${form.index}`;
      added[file].set(key, [...(added[file].get(key) ?? []), decidedReport(form, finding)]);
    }
  });

  return files.map((f, i) =>
    f.sheets.map((s) => {
      if (!s.forms.some((_x, index) => added[i].has(`${s.sheet}\u0000${index}`))) return s;
      const forms = s.forms.map((x, index) => ({ ...x, findings: [...x.findings, ...(added[i].get(`${s.sheet}\u0000${index}`) ?? [])] }));
      return { ...s, forms, findings: forms[0].findings };
    }),
  );
}

