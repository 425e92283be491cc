import { isStoreSheet } from "../../app";
import { Grid, MergeArea, rangeA1 } from "../../engine";
import { ExcelCapabilities } from "./capabilities";
import { isBlocking, isPayloadLimit } from "./failures";
import { CHUNK_CELLS, cellCount, intersect, MAX_READ_CELLS, outside, READ_WINDOW, rowChunks } from "./readLimits";
import { NOTE_MANUAL_CALCULATION } from "./readActiveSheet";
import { areaOfRange, Block, gridFromBlocks, Out, queueBlock, queueMerges, queueValues, readArea, readMerges } from "./sheetCells";
import { PROFILE_SETTING } from "./settingsKeys";

/** Every sheet of the workbook a check looks at, as grids, and what was left out. */
export interface AllSheetsRead {
  /** The visible sheets in tab order, then the add-in's store sheet (very hidden) if there is one. */
  readonly grids: readonly Grid[];
  /** Every sheet's name, in tab order (hidden ones included). */
  readonly sheetNames: readonly string[];
  /** The profile id kept in the workbook's settings (before the store sheet kept it), if any. */
  readonly profileSetting: string | null;
  /** What could not be read as usual, for the user (Chinese). */
  readonly notes: readonly string[];
}

interface Queued {
  readonly name: string;
  readonly used: Excel.Range;
  readonly window: Excel.Range;
  readonly cells: () => Block | null;
  readonly merges: (() => MergeArea[]) | null;
}

/** The most merged areas Range.getMergedAreasOrNullObject returns ("more than 512 … will fail", Excel.Range). */
const MERGED_AREAS_LIMIT = 512;

/**
 * Row bands of `area` that cannot hold more than 512 merged areas, whatever the sheet: a merged area intersecting a
 * band covers at least one of its cells, so a band of at most 512 cells is always safe.
 */
export function mergeBands(area: MergeArea): MergeArea[] {
  const width = area.right - area.left + 1;
  const rows = Math.max(1, Math.floor(MERGED_AREAS_LIMIT / width));
  const out: MergeArea[] = [];
  for (let top = area.top; top <= area.bottom; top += rows) out.push({ ...area, top, bottom: Math.min(area.bottom, top + rows - 1) });
  return out;
}

/**
 * Queue one sheet's read: its used range (values only) and the cells inside READ_WINDOW — in full (values, formulas,
 * number formats, merged areas) for a sheet to check, values only for a sheet that is context (checks across forms).
 */
function queueSheet(context: Excel.RequestContext, name: string, full: boolean, withMerges: boolean): Queued {
  const ws = context.workbook.worksheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  const window = ws.getRange(rangeA1(READ_WINDOW)).getIntersectionOrNullObject(used);
  const cells = full ? queueBlock(window) : queueValues(window);
  const merges = full && withMerges ? queueMerges(window) : null;
  return { name, used, window, cells, merges };
}

const noteHiddenSkipped = (names: readonly string[]) => `已跳过隐藏的工作表：${names.map((n) => `“${n}”`).join("、")}（如需校验，请先取消隐藏）。`;
const noteTooLarge = (name: string, area: MergeArea) =>
  `工作表“${name}”中有内容的区域为 ${rangeA1(area)}，超出 Excel 一次可读取的范围，未校验；请删除表格以外多余的内容后再试。`;
const noteSheetUnreadable = (name: string) => `工作表“${name}”的内容超出 Excel 单次传输的上限，未校验；可切换到该表后点击“校验并计分”。`;

/**
 * Read every sheet for 校验全部 in a constant number of round trips, however many sheets there are: one for the
 * sheet list (names, visibility) and the stored profile, one for all sheets' cells inside READ_WINDOW with their
 * merged areas and used ranges. Only when Excel cannot carry them all at once (the web's 5 MB response limit) is the
 * list split in halves, and a single sheet that still does not fit is read step by step as the active sheet is.
 * Cells beyond READ_WINDOW (rare: a form is some 60 rows by 15 columns) take one round trip per piece. Hidden
 * sheets are skipped (and said so); very hidden ones are read only to find the add-in's store sheet. Nothing is written.
 * With `only`, that sheet is read in full and the others as context (values inside READ_WINDOW): the live re-check.
 */
export async function readAllSheets(
  context: Excel.RequestContext,
  capabilities: ExcelCapabilities,
  options: { readonly only?: string; readonly onListed?: (sheets: number) => void } = {},
): Promise<AllSheetsRead> {
  const sync = () => context.sync();
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const profile = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
  profile.load("value");
  const app = context.workbook.application;
  app.load("calculationMode");
  await sync();
  const listed = sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as string }));
  const wanted = listed.filter((s) => s.visibility !== "Hidden").map((s) => s.name);
  const veryHidden = new Set(listed.filter((s) => s.visibility === "VeryHidden").map((s) => s.name));
  const hidden = listed.filter((s) => s.visibility === "Hidden").map((s) => s.name);
  const notes: string[] = hidden.length ? [noteHiddenSkipped(hidden)] : [];
  if (app.calculationMode === "Manual") {
    // manual calculation leaves formulas stale (Application.calculationMode): recalculate before the cells are read,
    // in the same round trip as the read
    context.workbook.application.calculate("Recalculate" as Excel.CalculationType);
    notes.push(NOTE_MANUAL_CALCULATION);
  }
  // between the two round trips: the pane can say how many sheets are being read (a large workbook on the web
  // takes seconds to come)
  options.onListed?.(wanted.length - veryHidden.size);
  const outs = new Map<string, Out & { used: MergeArea | null }>();
  /** The sheets read in full: all, or the one sheet a re-check is for (the others are context, values only). */
  const full = (name: string) => options.only === undefined || options.only === name;

  /**
   * Read a group of sheets in one round trip; on the web's payload limit, in halves. When the round trip fails
   * otherwise and merged areas were asked for, a sheet has more than 512 of them (Range.getMergedAreasOrNullObject
   * fails then, on any sheet): the group is read again without them, and every sheet's merged areas come in bands that
   * cannot hold more than 512 (mergeBands) — two more round trips, only for such a workbook.
   */
  const readGroup = async (names: readonly string[], merges = capabilities.mergedAreas): Promise<void> => {
    if (names.length === 0) return;
    const queued = names.map((n) => queueSheet(context, n, full(n), merges));
    try {
      await sync();
    } catch (e) {
      if (isBlocking(e)) throw e;
      if (!isPayloadLimit(e)) {
        if (!merges || !queued.some((q) => q.merges)) throw e;
        await readGroup(names, false);
        await readMergesInBands(names.filter((n) => outs.has(n) && full(n)));
        return;
      }
      if (names.length > 1) {
        const mid = Math.ceil(names.length / 2);
        await readGroup(names.slice(0, mid), merges);
        await readGroup(names.slice(mid), merges);
        return;
      }
      await readAlone(names[0]);
      return;
    }
    for (const q of queued) {
      const out: Out & { used: MergeArea | null } = { blocks: [], merges: [], mergesSkipped: false, used: q.used.isNullObject ? null : areaOfRange(q.used) };
      if (!q.window.isNullObject) {
        const block = q.cells();
        if (block) out.blocks.push(block);
        if (q.merges) out.merges.push(...q.merges());
      }
      outs.set(q.name, out);
    }
  };

  /** The merged areas inside READ_WINDOW of sheets already read, in bands of at most 512 cells, in one round trip. */
  const readMergesInBands = async (names: readonly string[]): Promise<void> => {
    const queued = names.flatMap((name) => {
      const out = outs.get(name)!;
      const inWindow = out.used && intersect(out.used, READ_WINDOW);
      if (!inWindow) return [];
      const ws = context.workbook.worksheets.getItem(name);
      return mergeBands(inWindow).map((band) => ({ out, finish: queueMerges(ws.getRange(rangeA1(band))) }));
    });
    if (queued.length === 0) return;
    try {
      await sync();
    } catch (e) {
      if (isBlocking(e)) throw e;
      // not expected (no band can hold more than 512); each sheet step by step, as the active sheet is read
      for (const name of names) {
        const out = outs.get(name)!;
        out.merges.length = 0;
        const inWindow = out.used && intersect(out.used, READ_WINDOW);
        if (inWindow) await readMerges(context, context.workbook.worksheets.getItem(name), inWindow, out);
      }
      return;
    }
    for (const q of queued) q.out.merges.push(...q.finish());
  };

  /** One sheet Excel could not carry with the others: its used range, then its cells step by step. */
  const readAlone = async (name: string): Promise<void> => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    await sync();
    const area = used.isNullObject ? null : areaOfRange(used);
    const out: Out & { used: MergeArea | null } = { blocks: [], merges: [], mergesSkipped: false, used: area };
    const inWindow = area && intersect(area, READ_WINDOW);
    try {
      if (inWindow) await readArea(context, ws, inWindow, capabilities.mergedAreas, out);
    } catch (e) {
      if (isBlocking(e)) throw e;
      notes.push(noteSheetUnreadable(name));
      return;
    }
    outs.set(name, out);
  };

  await readGroup(wanted);
  const grids: Grid[] = [];
  const stores: Grid[] = [];
  for (const name of wanted) {
    const out = outs.get(name);
    if (!out) continue;
    if (out.used && cellCount(out.used) > MAX_READ_CELLS) {
      if (!veryHidden.has(name)) notes.push(noteTooLarge(name, out.used));
      continue;
    }
    // beyond the window: one round trip per piece, only for the sheets that reach there
    if (out.used && !veryHidden.has(name) && full(name)) {
      const ws = context.workbook.worksheets.getItem(name);
      for (const part of outside(out.used, READ_WINDOW)) {
        for (const chunk of rowChunks(part, CHUNK_CELLS)) await readArea(context, ws, chunk, capabilities.mergedAreas, out);
      }
    }
    const grid = gridFromBlocks(name, out.blocks, out.merges);
    // a very hidden sheet is the add-in's store, or nothing the user sees: never checked
    if (veryHidden.has(name)) {
      if (isStoreSheet(grid)) stores.push(grid);
    } else grids.push(grid);
  }
  return {
    grids: [...grids, ...stores.slice(0, 1)],
    sheetNames: listed.map((s) => s.name),
    profileSetting: !profile.isNullObject && typeof profile.value === "string" ? profile.value : null,
    notes,
  };
}
