import { Grid } from "../grid/grid";
import { Finding } from "../findings/codes";
import { checksFor } from "../findings/checks";
import { formNotFound } from "../findings/checks/structureChecks";
import { mergeOverlap } from "../findings/checks/mergeOverlap";
import { locateForms } from "../locate/locateForms";
import { tableLabels } from "../locate/locateForm";
import { readForm } from "../model/readForm";
import { Profile } from "../profiles/profile";
import { FormVocabulary } from "../vocabulary/fields";
import { ScoredForm, scoreForm } from "../score/scoreForm";

export interface AnalyzeOptions {
  /** The words to read the form by: the default vocabulary, or one with a workbook's taught words (withTaughtLabels). */
  readonly vocabulary?: FormVocabulary;
}

/** One form of a sheet, scored and checked. */
export interface FormAnalysis {
  readonly form: ScoredForm;
  readonly findings: readonly Finding[];
}

export interface SheetAnalysis {
  readonly sheet: string;
  readonly isForm: boolean;
  /** Every form on the sheet (most sheets hold one), top to bottom, left to right. */
  readonly forms: readonly FormAnalysis[];
  /** The first form, as readers of one form per sheet expect; null when the sheet holds none. */
  readonly form: ScoredForm | null;
  /** The first form's findings, or FORM_NOT_FOUND. */
  readonly findings: readonly Finding[];
}

/**
 * The engine's pipeline for one sheet: locate → read → score → check, for each form on it. Never throws on bad data.
 * Checks that compare forms with each other (a workbook, a folder) are composed on top of this in src/app.
 */
export function analyzeSheet(grid: Grid, profile: Profile, options: AnalyzeOptions = {}): SheetAnalysis {
  const layouts = locateForms(grid, options.vocabulary);
  if (layouts.length === 0) return { sheet: grid.sheet, isForm: false, forms: [], form: null, findings: [formNotFound(grid.sheet, tableLabels(grid, options.vocabulary))] };
  const forms = layouts.map((layout) => {
    const form = scoreForm(readForm(grid, layout), profile);
    const findings: Finding[] = [];
    for (const check of checksFor(form.model.kind)) for (const f of check(form)) findings.push(f);
    return { form, findings };
  });
  // overlapping merges are the sheet's: told once, with its first form
  const overlaps = mergeOverlap(grid);
  if (overlaps.length > 0) forms[0] = { ...forms[0], findings: [...overlaps, ...forms[0].findings] };
  return { sheet: grid.sheet, isForm: true, forms, form: forms[0].form, findings: forms[0].findings };
}
