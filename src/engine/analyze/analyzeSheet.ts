import { Grid } from "../grid/grid";
import { Finding } from "../findings/codes";
import { CHECKS } from "../findings/checks";
import { formNotFound } from "../findings/checks/structureChecks";
import { locateForm } from "../locate/locateForm";
import { readForm } from "../model/readForm";
import { Profile } from "../profiles/profile";
import { ScoredForm, scoreForm } from "./scoreForm";

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
 * Every sheet of a workbook. A sheet without a form is only `info` when another sheet holds one
 * (a workbook of forms often has a cover or notes sheet).
 */
export function analyzeWorkbook(grids: readonly Grid[], profile: Profile): SheetAnalysis[] {
  const results = grids.map((g) => analyzeSheet(g, profile));
  if (!results.some((r) => r.isForm)) return results;
  return results.map((r) => (r.isForm ? r : { ...r, findings: r.findings.map((f) => ({ ...f, severity: "info" as const })) }));
}
