import { Grid } from "../grid/grid";
import { Finding } from "../findings/codes";
import { CHECKS } from "../findings/checks";
import { formNotFound } from "../findings/checks/structureChecks";
import { mergeOverlap } from "../findings/checks/mergeOverlap";
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

/**
 * The engine's pipeline for one sheet: locate → read → score → check. Never throws on bad data. Checks that
 * compare forms with each other (a workbook, a folder) are composed on top of this in src/app.
 */
export function analyzeSheet(grid: Grid, profile: Profile): SheetAnalysis {
  const layout = locateForm(grid);
  if (!layout) return { sheet: grid.sheet, isForm: false, form: null, findings: [formNotFound(grid.sheet)] };
  const form = scoreForm(readForm(grid, layout), profile);
  return { sheet: grid.sheet, isForm: true, form, findings: [...mergeOverlap(grid), ...CHECKS.flatMap((check) => check(form))] };
}
