import { Grid } from "../grid/grid";
import { Finding } from "../findings/codes";
import { CHECKS } from "../findings/checks";
import { goalsCopiedAcrossForms } from "../findings/checks/goalChecks";
import { formNotFound } from "../findings/checks/structureChecks";
import { locateForm } from "../locate/locateForm";
import { readForm } from "../model/readForm";
import { Profile } from "../profiles/profile";
import { ScoredForm, scoreForm } from "../score/scoreForm";

export interface SheetAnalysis {
  readonly sheet: string;
  readonly isForm: boolean;
  readonly form: ScoredForm | null;
  readonly findings: readonly Finding[];
}

/** The whole pipeline for one sheet: locate → read → score → check. Never throws on bad data. */
export function analyzeSheet(grid: Grid, profile: Profile): SheetAnalysis {
  const layout = locateForm(grid);
  if (!layout) return { sheet: grid.sheet, isForm: false, form: null, findings: [formNotFound(grid.sheet)] };
  const form = scoreForm(readForm(grid, layout), profile);
  return { sheet: grid.sheet, isForm: true, form, findings: CHECKS.flatMap((check) => check(form)) };
}

/**
 * Every sheet of a workbook. A sheet without a form is only `info` when another sheet holds one (a workbook of
 * forms often has a cover or notes sheet); a form whose 实际完成情况 is another form's 预期目标 is told so.
 */
export function analyzeWorkbook(grids: readonly Grid[], profile: Profile): SheetAnalysis[] {
  const results = grids.map((g) => analyzeSheet(g, profile));
  if (!results.some((r) => r.isForm)) return results;
  const copied = goalsCopiedAcrossForms(results.map((r) => r.form));
  return results.map((r, i) =>
    r.isForm
      ? { ...r, findings: [...r.findings, ...(copied.get(i) ?? [])] }
      : { ...r, findings: r.findings.map((f) => ({ ...f, severity: "info" as const })) },
  );
}
