import { parseUndoSnapshot, UndoSnapshot } from "../../app";
import { Grid, MergeArea, rangeA1 } from "../../engine";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { ExcelFailure, failure, isBlocking, isPayloadLimit } from "./failures";
import { areaOfRange, gridFromBlocks, Out, queueBlock, queueMerges, queueValues, readArea, TooLarge } from "./sheetCells";
import { OwnHighlightIds, queueOwnHighlightIds, readOwnHighlightIds } from "./highlights";
import { CHUNK_CELLS, cellCount, intersect, MAX_READ_CELLS, outside, READ_WINDOW, rowChunks } from "./readLimits";
import { PROFILE_SETTING, UNDO_SETTING } from "./settingsKeys";

/** The active sheet as the engine's grid, plus everything a write needs to know. */
export interface SheetRead {
  readonly ok: true;
  readonly grid: Grid;
  readonly worksheet: Excel.Worksheet;
  readonly isProtected: boolean;
  /** Worksheet.id (stable across renames; events name sheets by it). */
  readonly worksheetId: string;
  /**
   * Positions of the add-in's own highlight rules now on the sheet (a new run replaces them, 清除标注 removes them):
   * valid until the next rule is added or deleted (highlights.ts).
   */
  readonly ownHighlightIds: readonly string[];
  /** The profile id stored with the workbook, if any. */
  readonly profileId: string | null;
  /** The snapshot of the last write, if any, and its stored text (put back if a new write has to be undone). */
  readonly undo: UndoSnapshot | null;
  readonly undoStored: string | null;
  /** Every sheet's name, in workbook order (the active one included). */
  readonly sheetNames: readonly string[];
  /** The sheets hidden by the user (not very hidden): left out of the checks across forms, as 校验全部 leaves them. */
  readonly hiddenSheets: readonly string[];
  /** Every sheet's id by name. */
  readonly sheetIds: Readonly<Record<string, string>>;
  /** Workbook.protection.protected: the structure is protected, so no (store) sheet can be added. */
  readonly workbookProtected: boolean;
  /** Application.calculationMode: "Automatic", "AutomaticExceptTables" or "Manual". */
  readonly calculationMode: string;
  readonly capabilities: ExcelCapabilities;
  /** What could not be read as usual, for the user (Chinese): merged cells or rules Excel would not give. */
  readonly notes: readonly string[];
}

export type SheetReadResult = SheetRead | ExcelFailure;

/** Workbook and sheet facts of the first round trip. */
interface Basics {
  readonly name: string;
  readonly id: string;
  readonly isProtected: boolean;
  /** The cells holding values (`getUsedRange(true)`; A1 on a blank sheet). */
  readonly used: MergeArea;
  readonly profileId: string | null;
  readonly undoStored: string | null;
  readonly sheetNames: readonly string[];
  readonly hiddenSheets: readonly string[];
  readonly sheetIds: Readonly<Record<string, string>>;
  readonly workbookProtected: boolean;
  readonly calculationMode: string;
}

/**
 * In manual calculation mode Excel does not recalculate after an edit (Application.calculationMode), so the formulas'
 * values read would be stale: the workbook is recalculated first (Application.calculate "Recalculate", as F9 does)
 * and read again, and the result says so.
 */
export const NOTE_MANUAL_CALCULATION = "Excel 处于“手动计算”模式：校验前已重新计算工作簿（相当于按 F9），公式按重新计算后的值判断。";

export const NOTE_MERGES_SKIPPED = "工作表中有一行的合并单元格超过 512 处，Excel 无法列出，这一行已按未合并读取；如识别有误，请减少合并单元格后再试。";
export const noteRulesSkipped = (n: number) => `有 ${n} 条条件格式规则 Excel 无法读取，已跳过（不影响校验；上次的标注如未清除，可点击“清除标注”）。`;

function tooLarge(sheet: string, area: MergeArea): ExcelFailure {
  return failure(
    "SHEET_TOO_LARGE",
    `工作表“${sheet}”中有内容的区域为 ${rangeA1(area)}（约 ${cellCount(area).toLocaleString("en-US")} 个单元格），超出 Excel 一次可读取的范围，未写入任何内容。请删除表格以外多余的内容（按 Ctrl+End 可找到最后一个有内容的单元格）后再试。`,
  );
}

function queueBasics(context: Excel.RequestContext, ws: Excel.Worksheet): () => Basics {
  ws.load("name,id");
  ws.protection.load("protected");
  context.workbook.protection.load("protected");
  const used = ws.getUsedRange(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const profile = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
  profile.load("value");
  const undo = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  undo.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/id");
  const app = context.workbook.application;
  app.load("calculationMode");
  return () => ({
    name: ws.name,
    id: ws.id,
    isProtected: ws.protection.protected,
    used: areaOfRange(used),
    profileId: !profile.isNullObject && typeof profile.value === "string" ? profile.value : null,
    undoStored: !undo.isNullObject && typeof undo.value === "string" ? undo.value : null,
    sheetNames: sheets.items.map((s) => s.name),
    hiddenSheets: sheets.items.filter((s) => s.visibility === "Hidden").map((s) => s.name),
    sheetIds: Object.fromEntries(sheets.items.map((s) => [s.name, s.id])),
    workbookProtected: context.workbook.protection.protected,
    calculationMode: app.calculationMode,
  });
}

/**
 * Read the active worksheet within Excel's limits.
 *
 * One round trip in the usual case: the workbook facts, the cells holding values inside A1:AZ1000 (READ_WINDOW)
 * — bounded by `getUsedRange(true)`, so formatting down to row 65,536 costs nothing — their merged areas, and the
 * add-in's highlight rules. Cells beyond the window are read in pieces of at most CHUNK_CELLS, one round trip each;
 * a sheet whose cells with values span more than MAX_READ_CELLS gets a Chinese message naming that range.
 *
 * If that round trip fails (a user's conditional format Excel cannot read, more than 512 merged areas, the web's
 * 5 MB limit), the same is read step by step, each step guarded, and what had to be left out is said in `notes`.
 * Editing a cell or protection stops at once (the caller maps them to a message).
 */
export async function readActiveSheet(context: Excel.RequestContext, capabilities: ExcelCapabilities = detectCapabilities()): Promise<SheetReadResult> {
  let ws = context.workbook.worksheets.getActiveWorksheet();
  const notes: string[] = [];
  const out: Out = { blocks: [], merges: [], mergesSkipped: false };
  let basics: Basics;
  let rules: OwnHighlightIds = { ids: [], unreadable: 0 };
  try {
    try {
      const finishBasics = queueBasics(context, ws);
      const window = ws.getRange(rangeA1(READ_WINDOW)).getIntersectionOrNullObject(ws.getUsedRange(true));
      const finishWindow = queueBlock(window);
      const finishMerges = capabilities.mergedAreas ? queueMerges(window) : null;
      const finishRules = capabilities.conditionalFormats ? queueOwnHighlightIds(ws) : null;
      await context.sync();
      basics = finishBasics();
      if (!window.isNullObject) {
        const block = finishWindow();
        if (block) out.blocks.push(block);
      }
      if (finishMerges && !window.isNullObject) out.merges.push(...finishMerges());
      if (finishRules) rules = finishRules();
    } catch (e) {
      if (isBlocking(e) || e instanceof TooLarge) throw e;
      // step by step: the facts alone, then the cells (in halves if need be), the merges and the rules, each guarded;
      // with new proxies, as those of a failed round trip may never have come to exist
      ws = context.workbook.worksheets.getActiveWorksheet();
      out.blocks.length = 0;
      out.merges.length = 0;
      const finishBasics = queueBasics(context, ws);
      await context.sync();
      basics = finishBasics();
      const inWindow = intersect(basics.used, READ_WINDOW);
      if (inWindow) await readArea(context, ws, inWindow, capabilities.mergedAreas, out);
      if (capabilities.conditionalFormats) {
        rules = await readOwnHighlightIds(context, ws);
        if (rules.unreadable > 0) notes.push(noteRulesSkipped(rules.unreadable));
      }
    }
    if (cellCount(basics.used) > MAX_READ_CELLS) return tooLarge(basics.name, basics.used);
    if (basics.calculationMode === "Manual") {
      // stale formulas: recalculate, then read the cells again (one more round trip, in manual mode only)
      context.workbook.application.calculate("Recalculate" as Excel.CalculationType);
      const inWindow = intersect(basics.used, READ_WINDOW);
      out.blocks.length = 0;
      out.merges.length = 0;
      if (inWindow) await readArea(context, ws, inWindow, capabilities.mergedAreas, out);
      else await context.sync();
      notes.push(NOTE_MANUAL_CALCULATION);
    }
    for (const part of outside(basics.used, READ_WINDOW)) {
      for (const chunk of rowChunks(part, CHUNK_CELLS)) await readArea(context, ws, chunk, capabilities.mergedAreas, out);
    }
  } catch (e) {
    if (e instanceof TooLarge) return tooLarge(ws.name, e.area);
    throw e;
  }
  if (out.mergesSkipped) notes.push(NOTE_MERGES_SKIPPED);
  const grid = gridFromBlocks(basics.name, out.blocks, out.merges);
  return {
    ok: true,
    grid,
    worksheet: ws,
    worksheetId: basics.id,
    isProtected: basics.isProtected,
    ownHighlightIds: rules.ids,
    profileId: basics.profileId,
    undo: parseUndoSnapshot(basics.undoStored),
    undoStored: basics.undoStored,
    sheetNames: basics.sheetNames,
    hiddenSheets: basics.hiddenSheets,
    sheetIds: basics.sheetIds,
    workbookProtected: basics.workbookProtected,
    calculationMode: basics.calculationMode,
    capabilities,
    notes,
  };
}

/**
 * The values of other sheets, for the checks across forms (a 实际完成情况 copied from another sheet's 预期目标):
 * one round trip, values only, of the cells holding values inside READ_WINDOW of each sheet. They are context,
 * never written. If Excel cannot return that much (the web's payload limit), the check goes on without them.
 */
export async function readContextSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Grid[]> {
  return (await readContext(context, names)).grids;
}

/** readContextSheets, and whether every sheet asked for came (false: Excel on the web could not carry them). */
export async function readContext(context: Excel.RequestContext, names: readonly string[]): Promise<{ readonly grids: Grid[]; readonly complete: boolean }> {
  if (names.length === 0) return { grids: [], complete: true };
  const ranges = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const range = ws.getRange(rangeA1(READ_WINDOW)).getIntersectionOrNullObject(ws.getUsedRange(true));
    return { range, block: queueValues(range) };
  });
  try {
    await context.sync();
  } catch (e) {
    // too much to carry (Excel on the web's 5 MB response): check without them; anything else is not ours to hide
    if (isPayloadLimit(e)) return { grids: [], complete: false };
    throw e;
  }
  const grids = names.flatMap((name, i) => {
    const { range, block } = ranges[i];
    const values = range.isNullObject ? null : block();
    return values ? [gridFromBlocks(name, [values], [])] : [];
  });
  return { grids, complete: true };
}
