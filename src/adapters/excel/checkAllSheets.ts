import { checkWorkbook, formDetails, isStoreSheet, isSummarySheet, readStore, SheetOutcome, SheetsProgress, WorkbookOutcome, WorkbookResult } from "../../app";
import { ExcelCapabilities } from "./capabilities";
import { chooseProfile } from "./chooseProfile";
import { ExcelFailure, failure } from "./failures";
import { readAllSheets } from "./readAllSheets";


/** Let the page paint (the pane's progress line) before a stretch of work on its thread. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every sheet of the workbook checked, in a constant number of round trips (readAllSheets); nothing written. Progress
 * between the round trips: how many sheets are being read once the list is in, how many are checked once they came.
 */
export async function checkAllSheets(
  context: Excel.RequestContext,
  options: { readonly profileId?: string; readonly capabilities: ExcelCapabilities; readonly onProgress?: (progress: SheetsProgress) => void },
): Promise<
  ({ readonly ok: true; readonly result: WorkbookResult; readonly summarySheets: readonly string[]; readonly sheetNames: readonly string[] } & WorkbookOutcome) | ExcelFailure
> {
  const { onProgress } = options;
  const read = await readAllSheets(context, options.capabilities, onProgress ? { onListed: (sheets) => onProgress({ stage: "reading", sheets }) } : {});
  const store = readStore(read.grids);
  const profile = chooseProfile(options.profileId, store.profile, read.profileSetting);
  if (!profile.ok) return profile;
  if (onProgress) {
    onProgress({ stage: "checking", sheets: read.grids.filter((g) => !isStoreSheet(g)).length });
    await nextTask();
  }
  const result = checkWorkbook(read.grids, profile.profile, { store });
  return {
    ok: true,
    result,
    // the add-in's own 汇总 sheets (a new 汇总 replaces them)
    summarySheets: read.grids.filter(isSummarySheet).map((g) => g.sheet),
    // every sheet's name, hidden ones too (a new sheet's name must differ from them all)
    sheetNames: read.sheetNames,
    reports: result.sheets.map((s) => s.report),
    details: Object.fromEntries(result.sheets.map((s) => [s.report.sheet, formDetails(s.analysis)])),
    profileId: profile.profile.id,
    notes: read.notes,
  };
}

/**
 * One sheet checked again after an edit, read-only: that sheet in full, the others as context for the checks across
 * forms, in two round trips; no write, no highlight changed (the user asks for those with 校验并计分).
 */
export async function recheckSheet(
  context: Excel.RequestContext,
  sheet: string,
  options: { readonly profileId?: string; readonly capabilities: ExcelCapabilities },
): Promise<({ readonly ok: true } & SheetOutcome) | ExcelFailure> {
  const read = await readAllSheets(context, options.capabilities, { only: sheet });
  if (!read.grids.some((g) => g.sheet === sheet)) return failure("SHEET_NOT_FOUND", `工作表“${sheet}”已不存在（可能已被删除、改名或隐藏）。`);
  const store = readStore(read.grids);
  const profile = chooseProfile(options.profileId, store.profile, read.profileSetting);
  if (!profile.ok) return profile;
  const [checked] = checkWorkbook(read.grids, profile.profile, { store, sheets: [sheet] }).sheets;
  return { ok: true, report: checked.report, details: formDetails(checked.analysis), profileId: profile.profile.id };
}
