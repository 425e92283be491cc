import { areaOfRange, Cell, CellValue, createGrid, Grid, MergeArea } from "../../../engine";
import { Budget, charge, unreadable } from "../limits";
import { InflateBudget, ZipArchive, ZipEntry } from "../zip/zipArchive";
import { stringItemCollector } from "./sharedStrings";
import { shiftFormula } from "./sharedFormula";
import { xsdDouble, xsdInteger } from "./numbers";
import { isDateFormat } from "./styles";
import { parseXml } from "./xml";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** What every sheet of a workbook is read with. */
export interface SheetContext {
  readonly strings: readonly string[];
  /** Number format code by style index (`s`). */
  readonly formats: readonly (string | undefined)[];
  readonly date1904: boolean;
  readonly budget: InflateBudget;
  /** Cells (and merged cells) still allowed: in this sheet, and through its parent in the whole workbook. */
  readonly cells: Budget;
}

export interface SheetReading {
  /** Overlapping merged areas are left out of it and listed in grid.overlappingMerges (reported as MERGE_OVERLAP). */
  readonly grid: Grid;
}

const DAY_MS = 86400000;

/** The message past a cell limit: `工作簿的单元格超过 2,000,000 个…`, or the sheet's own when its limit is the one. */
const tooManyCells = (merged: string) => (what: string | undefined, limit: number) =>
  `${what ?? "工作簿"}的单元格${merged}超过 ${limit.toLocaleString("en-US")} 个，超出本工具的处理上限`;
const TOO_MANY_CELLS = tooManyCells("");
const TOO_MANY_MERGED = tooManyCells("（含合并单元格）");

/**
 * A date serial as the ISO date a reader sees (`2023-12-31`), in the workbook's date system. The 1900 system
 * counts Excel's phantom 1900-02-29 (serial 60); serials before it are one day off from the 1899-12-30 epoch.
 * @example dateText(45291, false) //=> "2023-12-31"
 * @example dateText(43829, true) //=> "2023-12-31"
 */
export function dateText(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  if (!date1904 && days === 60) return "1900-02-29";
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
}

/** "AB12" → [12, 28]; null when it is no cell address. */
function parseCellRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const row = xsdInteger(ref.slice(i));
  return Number.isInteger(row) ? [row, col] : null;
}

/**
 * One worksheet part into the engine's sparse grid, streamed: only cells that hold a value, a formula or a number
 * format are kept (a cell in column XFD costs one cell, never the empty ones before it); formulas keep their cached
 * results (shared formulas moved to each cell), dates read as ISO dates in the workbook's date system.
 */
export function readSheet(zip: ZipArchive, entry: ZipEntry, sheet: string, ctx: SheetContext): SheetReading {
  const rows: number[] = [];
  const cols: number[] = [];
  const cells: Cell[] = [];
  const mergeRefs: string[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();

  let row = 0;
  let col = 0;
  let type = "n";
  let style = 0;
  let capture: "v" | "f" | null = null;
  let v = "";
  let f: string | null = null;
  let fType = "";
  let fShared = "";
  let fRef = "";
  let inIs = false;
  let hasIs = false;
  const is = stringItemCollector();

  const outOfRange = (what: string) => unreadable(`文件已损坏，无法读取（工作表“${sheet}”的${what}超出 Excel 的范围）`);

  const finishCell = () => {
    let formula: string | undefined;
    if (f !== null) {
      if (fType === "shared" && fShared !== "") {
        const master = shared.get(fShared);
        if (f !== "" && fRef !== "") shared.set(fShared, { formula: f, row, col });
        formula = f !== "" ? f : master ? shiftFormula(master.formula, row - master.row, col - master.col) : "";
      } else formula = f;
    }
    const numberFormat = ctx.formats[style];
    let value: CellValue = null;
    switch (type) {
      case "s": {
        const s = ctx.strings[xsdInteger(v)];
        value = v === "" || s === undefined ? null : s;
        break;
      }
      case "inlineStr":
        value = hasIs ? is.take() : v === "" ? null : v;
        break;
      case "str":
      case "e":
        value = v === "" && f === null ? null : v;
        break;
      case "b":
        value = v === "" ? null : v === "1" || v.toLowerCase() === "true";
        break;
      case "d":
        value = v === "" ? null : v.slice(0, 10);
        break;
      default: {
        const t = v.trim();
        if (t === "") value = null;
        else {
          const n = xsdDouble(t);
          value = Number.isFinite(n) ? (isDateFormat(numberFormat) ? (dateText(n, ctx.date1904) ?? n) : n) : t;
        }
      }
    }
    if (value === null && formula === undefined && numberFormat === undefined) return;
    charge(ctx.cells, 1, TOO_MANY_CELLS);
    rows.push(row);
    cols.push(col);
    cells.push(formula !== undefined ? (numberFormat ? { value, formula, numberFormat } : { value, formula }) : numberFormat ? { value, numberFormat } : { value });
  };

  parseXml(entry.name, (write) => zip.inflate(entry, ctx.budget, write), {
    open(name, a) {
      switch (name) {
        case "row": {
          row = a.r !== undefined ? xsdInteger(a.r) : row + 1;
          if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw outOfRange(`行号 ${a.r}`);
          col = 0;
          break;
        }
        case "c": {
          if (a.r !== undefined) {
            const at = parseCellRef(a.r);
            if (!at) throw outOfRange(`单元格地址 ${a.r}`);
            [row, col] = at;
          } else col++;
          if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) throw outOfRange(`单元格地址 ${a.r ?? col}`);
          type = a.t ?? "n";
          style = a.s !== undefined ? xsdInteger(a.s) : 0;
          v = "";
          f = null;
          inIs = false;
          hasIs = false;
          capture = null;
          break;
        }
        case "v":
          capture = "v";
          break;
        case "f":
          capture = "f";
          f = "";
          fType = a.t ?? "";
          fShared = a.si ?? "";
          fRef = a.ref ?? "";
          break;
        case "is":
          inIs = true;
          hasIs = true;
          break;
        case "mergeCell":
          if (a.ref) mergeRefs.push(a.ref);
          break;
        default:
          if (inIs) is.open(name);
      }
    },
    close(name) {
      if (name === "c") finishCell();
      else if (name === "v" || name === "f") capture = null;
      else if (name === "is") inIs = false;
      else if (inIs) is.close(name);
    },
    text(t) {
      if (capture === "v") v += t;
      else if (capture === "f") f += t;
      else if (inIs) is.text(t);
    },
  });

  // merged areas, each counting its cells against the limit; createGrid leaves out (and records) overlapping ones
  const merges: MergeArea[] = [];
  for (const ref of mergeRefs) {
    let m: MergeArea;
    try {
      if (!ref.includes(":")) continue;
      m = areaOfRange(ref);
    } catch {
      continue; // not an address: nothing to merge
    }
    if (m.top < 1 || m.left < 1 || m.bottom > MAX_ROW || m.right > MAX_COL) continue;
    charge(ctx.cells, (m.bottom - m.top + 1) * (m.right - m.left + 1), TOO_MANY_MERGED);
    merges.push(m);
  }

  function* all() {
    for (let i = 0; i < cells.length; i++) yield { row: rows[i], col: cols[i], cell: cells[i] };
  }
  return { grid: createGrid({ sheet, cells: all(), merges }) };
}
