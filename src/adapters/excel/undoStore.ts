import { EMPTY_STORE, storeRows } from "../../app";
import { colName, Grid, rawCell } from "../../engine";
import { UNDO_SETTING } from "./settingsKeys";

/**
 * Where 撤销上次写入's snapshot is kept: in the workbook's store sheet (very hidden, where the 评分方案 and 忽略 live),
 * column H, right of the store's own rows (A–E, which readStore reads and the command line rewrites). Not in the
 * workbook settings (Excel.SettingCollection), which have lost their data on a save and reopen in Excel on the web
 * and on Mac (office-js#360, #2940, #6091). The settings are only the fallback for a workbook whose structure is
 * protected, where no store sheet can be added (Workbook.protection), and are read for snapshots of earlier versions.
 *
 * H1 holds a marker, H2… the snapshot's JSON in pieces (a cell holds at most 32,767 characters), all as text ("@").
 */
export const UNDO_COLUMN = 8;
export const UNDO_MARKER = "ziping-undo";
const PIECE = 30_000;
/** Rows of column H read when looking for a snapshot: a form's snapshot takes a piece or two. */
export const UNDO_ROWS = 200;

const col = colName(UNDO_COLUMN);
/** The cells H1:Hn. */
export const undoRange = (rows: number) => `${col}1:${col}${Math.max(1, rows)}`;

/** Column H's cells for a snapshot's JSON: the marker, then the pieces. */
export function undoColumnValues(json: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += PIECE) pieces.push(json.slice(i, i + PIECE));
  return [UNDO_MARKER, ...pieces];
}

/** The snapshot's JSON from column H's values (H1 down), or null when there is none. */
export function undoFromColumn(values: readonly unknown[]): string | null {
  if (values[0] !== UNDO_MARKER) return null;
  let json = "";
  for (const v of values.slice(1)) {
    if (typeof v !== "string" || v === "") break;
    json += v;
  }
  return json === "" ? null : json;
}

/** The snapshot kept in a store sheet read as a grid, and how many rows of column H it fills (to clear them later). */
export function undoOfStoreGrid(grid: Grid): { readonly text: string | null; readonly rows: number } {
  const values: unknown[] = [];
  let rows = 0;
  for (let row = 1; row <= grid.rowCount; row++) {
    const v = rawCell(grid, row, UNDO_COLUMN)?.value ?? null;
    values.push(v);
    if (v !== null && v !== "") rows = row;
  }
  return { text: undoFromColumn(values), rows };
}

/** Where a write keeps its snapshot, and what was kept there before (to put it back if the write is undone). */
export type UndoPlace =
  | {
      readonly kind: "store";
      /** The store sheet's name (a new one's, when `exists` is false: the write adds it, very hidden). */
      readonly sheet: string;
      readonly exists: boolean;
      /** The snapshot kept there before, and the rows of column H it filled. */
      readonly previous: string | null;
      readonly previousRows: number;
      /** Whether the settings still hold a snapshot of an earlier version (removed, so that it never comes back). */
      readonly settingExists: boolean;
    }
  | { readonly kind: "settings"; readonly previous: string | null };

/** The store sheet's header row (what makes a sheet the store: STORE_MARKER in A1), for a store the write adds. */
const HEADER = storeRows(EMPTY_STORE)[0];

/**
 * Queue keeping `json` (or, with null, removing the snapshot) at `place`; no sync. A new store sheet is added very
 * hidden with its header row; every cell of it is text.
 */
export function queueUndoWrite(context: Excel.RequestContext, place: UndoPlace, json: string | null): void {
  if (place.kind === "settings") {
    if (json !== null) context.workbook.settings.add(UNDO_SETTING, json);
    else if (place.previous !== null) context.workbook.settings.getItem(UNDO_SETTING).delete();
    return;
  }
  const sheets = context.workbook.worksheets;
  const ws = place.exists ? sheets.getItem(place.sheet) : sheets.add(place.sheet);
  if (!place.exists) {
    ws.visibility = "VeryHidden";
    const header = ws.getRange(`A1:${colName(HEADER.length)}1`);
    header.numberFormat = [HEADER.map(() => "@")];
    header.values = [HEADER];
  }
  const cells = json === null ? [] : undoColumnValues(json);
  if (cells.length > 0) {
    const range = ws.getRange(undoRange(cells.length));
    range.numberFormat = cells.map(() => ["@"]);
    range.values = cells.map((c) => [c]);
  }
  if (place.previousRows > cells.length) ws.getRange(`${col}${cells.length + 1}:${col}${place.previousRows}`).clear("Contents");
  if (place.settingExists) context.workbook.settings.getItem(UNDO_SETTING).delete();
}
