import { checkWorkbook, FormDetails, formDetails, formulasToRecheck, isStoreSheet, readStore, recheckFormulas, STORE_SHEET, WrittenCell } from "../../app";
import type { Grid } from "../../engine";
import { SheetReport } from "../../engine";
import { chooseProfile } from "./chooseProfile";
import { addHighlights, applyPlan } from "./applyPlan";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { failure, ExcelFailure } from "./failures";
import { OwnWrites } from "./ownWrites";
import { readActiveSheet, readContext, SheetRead } from "./readActiveSheet";
import { UndoPlace, undoOfStoreGrid } from "./undoStore";
import { uniqueSheetName } from "./writeSheetSpec";

export interface ValidateOptions {
  /** Write the computed values (the ribbon command and 写入计算结果); otherwise only highlight. */
  readonly write: boolean;
  /** The profile to score with; default: the one stored with the workbook, else putuo-2023. */
  readonly profileId?: string;
  readonly capabilities?: ExcelCapabilities;
  /** The host's record of its own writes, for the live re-check (ownWrites.ts). */
  readonly ownWrites?: OwnWrites;
}

/**
 * Where this write keeps its undo snapshot: the workbook's store sheet (found among the other sheets read), or a new
 * one the write adds; the workbook settings only when the structure is protected and there is no store to write to.
 */
function undoPlaceOf(read: SheetRead, others: readonly Grid[], complete: boolean): UndoPlace {
  const store = others.find(isStoreSheet);
  const settingExists = read.undoStored !== null;
  if (store) {
    const kept = undoOfStoreGrid(store);
    return { kind: "store", sheet: store.sheet, exists: true, previous: kept.text, previousRows: kept.rows, settingExists };
  }
  // the other sheets could not be read (the web's payload limit): a store may be among them, and a second one must
  // never be added
  if (read.workbookProtected || !complete) return { kind: "settings", previous: read.undoStored };
  return { kind: "store", sheet: uniqueSheetName(STORE_SHEET, read.sheetNames), exists: false, previous: null, previousRows: 0, settingExists };
}

export type ValidateResult =
  | {
      readonly ok: true;
      readonly report: SheetReport;
      readonly profileId: string;
      readonly written: number;
      readonly pending: number;
      readonly highlighted: number;
      /** What could not be done as usual, for the user (Chinese); empty when all went as usual. */
      readonly notes: readonly string[];
      /** The cells written (or, when only checking, to be written): cell, old → new, why. */
      readonly writes: readonly WrittenCell[];
      /** The sheet's forms' details (finding keys for 忽略, headers not placed), by sheet name. */
      readonly details: Readonly<Record<string, readonly FormDetails[]>>;
    }
  | (ExcelFailure & { readonly report?: SheetReport });

/**
 * 校验并计分 on the active sheet, in two round trips when the workbook has one sheet and no formula reads a cell the
 * run writes: read it (readActiveSheet: within Excel's size limits) → src/app's checkWorkbook → apply its write
 * plan (applyPlan: snapshot first, all or nothing). The other sheets' values come in one more round trip when
 * there are any (checks across forms). A formula cell with FORMULA_DISAGREES that reads a cell the run fills is
 * read again in the write's round trip and judged by its new result; only if it still disagrees does its
 * highlight take one more. Not a form, too large or a protected sheet: a failure with the report and zero writes.
 */
export async function validateAndScoreSheet(context: Excel.RequestContext, options: ValidateOptions): Promise<ValidateResult> {
  const capabilities = options.capabilities ?? detectCapabilities();
  const read = await readActiveSheet(context, capabilities);
  if (!read.ok) return read;
  // the other sheets as 校验全部 sees them: hidden ones left out, very hidden ones read (the store is one)
  const around = await readContext(context, read.sheetNames.filter((n) => n !== read.grid.sheet && !read.hiddenSheets.includes(n)));
  const others = around.grids;
  // the 评分方案 chosen in the pane, else the one the workbook keeps (its store sheet, then its settings)
  const store = readStore(others);
  const resolved = chooseProfile(options.profileId, store.profile, read.profileId);
  if (!resolved.ok) return resolved;
  const result = checkWorkbook([read.grid, ...others], resolved.profile, { sheets: [read.grid.sheet], store });
  let sheet = result.sheets[0];
  if (!sheet.plan) return { ...failure("FORM_NOT_FOUND"), report: sheet.report };
  const recheck = options.write ? formulasToRecheck(sheet, read.grid) : [];
  const applied = await applyPlan(context, read, sheet.plan, { values: options.write, recheck, undo: undoPlaceOf(read, others, around.complete), ownWrites: options.ownWrites });
  if (!applied.ok) return { ...applied, report: sheet.report };
  const notes = [...read.notes, ...applied.notes];
  let highlighted = applied.highlighted;
  if (recheck.length > 0) {
    const after = recheckFormulas(sheet, read.grid, resolved.profile, applied.recalculated, result.store);
    sheet = after.sheet;
    const refused = await addHighlights(context, read, after.highlights);
    if (refused.length === 0) highlighted += after.highlights.length;
    notes.push(...refused);
  }
  return {
    ok: true,
    report: sheet.report,
    profileId: resolved.profile.id,
    written: applied.written,
    pending: options.write ? 0 : sheet.plan!.writes.length,
    highlighted,
    notes,
    writes: sheet.writes,
    details: { [sheet.report.sheet]: formDetails(sheet.analysis) },
  };
}
