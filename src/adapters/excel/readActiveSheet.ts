import { parseUndoSnapshot, UndoSnapshot } from "../../app";
import { gridFromArray, Grid, MergeArea, parseAreas } from "../../engine";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { hostFailure } from "./failures";
import { loadHighlightRules, ownHighlights } from "./highlights";
import { PROFILE_SETTING, UNDO_SETTING } from "./settingsKeys";

/** The active sheet as the engine's grid, plus everything a write needs to know, from one round trip. */
export interface SheetRead {
  readonly grid: Grid;
  readonly worksheet: Excel.Worksheet;
  readonly isProtected: boolean;
  /** The add-in's own highlight rules now on the sheet (a new run replaces them, 清除标注 removes them). */
  readonly ownHighlights: readonly Excel.ConditionalFormat[];
  /** The profile id stored with the workbook, if any. */
  readonly profileId: string | null;
  /** The snapshot of the last write, if any. */
  readonly undo: UndoSnapshot | null;
  /** Every sheet's name, in workbook order (the active one included). */
  readonly sheetNames: readonly string[];
  readonly capabilities: ExcelCapabilities;
}

/** Excel's `formulas` repeats a constant's value; only a string that differs from the value is a formula. */
function formulasOnly(values: readonly (readonly unknown[])[], formulas: readonly (readonly unknown[])[]): (string | null)[][] {
  return formulas.map((row, i) =>
    row.map((f, j) => (typeof f === "string" && f.startsWith("=") && f !== values[i]?.[j] ? f : null)),
  );
}

/**
 * Queue everything a read of the active worksheet needs — used range values, formulas, number formats and
 * position; merged areas (ExcelApi 1.13, when supported); protection; the add-in's highlight rules (1.6); the
 * workbook's profile and undo settings (1.4) — and return what turns it into a SheetRead after the caller's
 * context.sync(), so that a read can share its round trip with other loads.
 */
export function queueActiveSheetRead(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities()): () => SheetRead {
  const worksheet = context.workbook.worksheets.getActiveWorksheet();
  worksheet.load("name");
  worksheet.protection.load("protected");
  const used = worksheet.getUsedRange();
  used.load(["rowIndex", "columnIndex", "values", "formulas", "numberFormat"]);
  const merged = capabilities.mergedAreas ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  const rules = capabilities.conditionalFormats ? used.conditionalFormats : null;
  if (rules) loadHighlightRules(rules);
  const profile = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
  profile.load("value");
  const undo = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  undo.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");

  return () => {
    const merges: MergeArea[] = merged && !merged.isNullObject && merged.address ? parseAreas(merged.address) : [];
    const grid = gridFromArray(worksheet.name, used.values, {
      origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
      formulas: formulasOnly(used.values, used.formulas),
      numberFormats: used.numberFormat as (string | null)[][],
      merges,
    });
    return {
      grid,
      worksheet,
      isProtected: worksheet.protection.protected,
      ownHighlights: rules ? ownHighlights(rules) : [],
      profileId: !profile.isNullObject && typeof profile.value === "string" ? profile.value : null,
      undo: undo.isNullObject ? null : parseUndoSnapshot(undo.value),
      sheetNames: sheets.items.map((x) => x.name),
      capabilities,
    };
  };
}

/**
 * The values of other sheets, for the checks across forms (a 实际完成情况 copied from another sheet's 预期目标):
 * one round trip, values only (`getUsedRangeOrNullObject(true)` leaves formatted-but-empty cells out). They are
 * context, never written. If Excel cannot return that much (the web's payload limit), the check goes on without.
 */
export async function readContextSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Grid[]> {
  if (names.length === 0) return [];
  const used = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "values"]);
    return range;
  });
  try {
    await context.sync();
  } catch (e) {
    // too much to carry (Excel on the web's 5 MB response): check without them; anything else is not ours to hide
    if (hostFailure(e)?.code === "PAYLOAD_TOO_LARGE") return [];
    throw e;
  }
  return names.flatMap((name, i) => {
    const r = used[i];
    return r.isNullObject ? [] : [gridFromArray(name, r.values, { origin: { row: r.rowIndex + 1, col: r.columnIndex + 1 } })];
  });
}

/** Read the active worksheet in ONE context.sync(). */
export async function readActiveSheet(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities()): Promise<SheetRead> {
  const finish = queueActiveSheetRead(context, capabilities);
  await context.sync();
  return finish();
}
