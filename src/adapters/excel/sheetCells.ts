import { CellValue, createGrid, Grid, MergeArea, rangeA1 } from "../../engine";
import { isBlocking, isPayloadLimit } from "./failures";

/**
 * Reading cells from Excel into the engine's grid, within Excel's limits: blocks of values, formulas and number
 * formats, merged areas, and the step-by-step fallbacks when Excel refuses a read (the web's 5 MB payload, more than
 * 512 merged areas). Used for the active sheet (readActiveSheet.ts) and for every sheet at once (readAllSheets.ts).
 */

/** Cells read in one piece: values, formulas, number formats of `area`. */
export interface Block {
  readonly area: MergeArea;
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

export class TooLarge extends Error {
  constructor(readonly area: MergeArea) {
    super(`too large: ${rangeA1(area)}`);
  }
}

export const areaOfRange = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): MergeArea => ({
  top: r.rowIndex + 1,
  left: r.columnIndex + 1,
  bottom: r.rowIndex + r.rowCount,
  right: r.columnIndex + r.columnCount,
});

/** Queue reading one block of cells from a range (values, formulas, number formats and its position). */
export function queueBlock(range: Excel.Range): () => Block | null {
  range.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat"]);
  return () => {
    // past 5,000,000 cells "the API will either return null or throw an error" (resource limits): never silently empty
    if (range.values === null || range.formulas === null || range.numberFormat === null) throw new TooLarge(areaOfRange(range));
    return { area: areaOfRange(range), values: range.values, formulas: range.formulas, numberFormat: range.numberFormat };
  };
}

/**
 * Queue reading the values of a range only (a context sheet, the store sheet: never written, formulas and number
 * formats not needed); after the sync, its block (null when Excel returned no values: past its cell limit).
 */
export function queueValues(range: Excel.Range): () => Block | null {
  range.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "values"]);
  return () => (range.values === null ? null : { area: areaOfRange(range), values: range.values, formulas: [], numberFormat: [] });
}

/** Queue reading the merged areas of a range from `areas.items` (ExcelApi 1.13; no address string to parse). */
export function queueMerges(range: Excel.Range): () => MergeArea[] {
  const merged = range.getMergedAreasOrNullObject();
  merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
  return () => (merged.isNullObject ? [] : merged.areas.items.map(areaOfRange));
}

/** Excel's `formulas` repeats a constant's value; only a string that differs from the value is a formula. */
function isFormula(f: unknown, value: unknown): f is string {
  return typeof f === "string" && f.startsWith("=") && f !== value;
}

/** The engine's grid from the blocks read (as gridFromArray: formulas apart from constants, "General" as none). */
export function gridFromBlocks(sheet: string, blocks: readonly Block[], merges: readonly MergeArea[]): Grid {
  const cells: { row: number; col: number; cell: { value: CellValue; formula?: string; numberFormat?: string } }[] = [];
  for (const b of blocks) {
    b.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const f = b.formulas[i]?.[j];
        const nf = b.numberFormat[i]?.[j];
        const formula = isFormula(f, value) ? f.slice(1) : undefined;
        const numberFormat = typeof nf === "string" && nf !== "General" && nf !== "" ? nf : undefined;
        if ((value === null || value === "") && formula === undefined && numberFormat === undefined) return;
        cells.push({ row: b.area.top + i, col: b.area.left + j, cell: { value: (value ?? null) as CellValue, formula, numberFormat } });
      }),
    );
  }
  const seen = new Set<string>();
  const unique = merges.filter((m) => {
    const k = rangeA1(m);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return createGrid({ sheet, cells, merges: unique });
}

export type Out = { blocks: Block[]; merges: MergeArea[]; mergesSkipped: boolean };

export const halves = (area: MergeArea): [MergeArea, MergeArea] => {
  const mid = area.top + Math.floor((area.bottom - area.top) / 2);
  return [{ ...area, bottom: mid }, { ...area, top: mid + 1 }];
};

/** Read the cells of `area`; when Excel on the web cannot carry them, in halves, down to single rows. */
export async function readCells(context: Excel.RequestContext, ws: Excel.Worksheet, area: MergeArea, out: Out): Promise<void> {
  const finish = queueBlock(ws.getRange(rangeA1(area)));
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    if (area.bottom === area.top) throw new TooLarge(area);
    for (const half of halves(area)) await readCells(context, ws, half, out);
    return;
  }
  const block = finish();
  if (block) out.blocks.push(block);
}

/**
 * Read the merged areas of `area`. Excel fails above 512 (Range.getMergedAreasOrNullObject), so a refused read is
 * split into halves by rows until each part has few enough; a single row Excel still refuses is read without its
 * merges, and `mergesSkipped` says so.
 */
export async function readMerges(context: Excel.RequestContext, ws: Excel.Worksheet, area: MergeArea, out: Out): Promise<void> {
  const finish = queueMerges(ws.getRange(rangeA1(area)));
  try {
    await context.sync();
  } catch (e) {
    if (isBlocking(e)) throw e;
    if (area.bottom === area.top) {
      out.mergesSkipped = true;
      return;
    }
    for (const half of halves(area)) await readMerges(context, ws, half, out);
    return;
  }
  out.merges.push(...finish());
}

/** Read the cells and merged areas of `area`: in one round trip when Excel allows, else each apart (above). */
export async function readArea(context: Excel.RequestContext, ws: Excel.Worksheet, area: MergeArea, withMerges: boolean, out: Out): Promise<void> {
  if (withMerges) {
    const cells = queueBlock(ws.getRange(rangeA1(area)));
    const merges = queueMerges(ws.getRange(rangeA1(area)));
    try {
      await context.sync();
      const block = cells();
      if (block) out.blocks.push(block);
      out.merges.push(...merges());
      return;
    } catch (e) {
      if (isBlocking(e) || e instanceof TooLarge) throw e;
    }
  }
  await readCells(context, ws, area, out);
  if (withMerges) await readMerges(context, ws, area, out);
}

