import { areaOfRange, CellValue, Grid, GridCells, gridOfCells, MergeArea } from "../../../engine";
import { Budget, charge, unreadable } from "../limits";
import { InflateBudget, ZipArchive, ZipEntry } from "../zip/zipArchive";
import { stringItemCollector } from "./sharedStrings";
import { shiftFormula } from "./sharedFormula";
import { xsdDouble, xsdInteger } from "./numbers";
import { isDateFormat } from "./styles";
import { PartParser, readXmlPart } from "./xml";

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
 * `B2:C3` as areaOfRange reads it, for the common form (capital letters, up to 7 digits, no `$`, no sheet, no white
 * space); null for any other, which areaOfRange reads.
 */
function plainArea(ref: string): MergeArea | null {
  const colon = ref.indexOf(":");
  if (colon < 0) return null;
  const a = plainCell(ref, 0, colon);
  const b = a && plainCell(ref, colon + 1, ref.length);
  if (!a || !b) return null;
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

/** [row, col] of `AB12` standing in `text` from `start` to `end`, in the common form only. */
function plainCell(text: string, start: number, end: number): [number, number] | null {
  let col = 0;
  let i = start;
  for (; i < end && i - start < 4; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else break;
  }
  if (i === start || i - start > 3 || i === end || end - i > 7) return null;
  let row = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return [row, col];
}

/**
 * One worksheet part into the engine's sparse grid, streamed: only cells that hold a value, a formula or a number
 * format are kept (a cell in column XFD costs one cell, never the empty ones before it); formulas keep their cached
 * results (shared formulas moved to each cell), dates read as ISO dates in the workbook's date system.
 */
export function readSheet(zip: ZipArchive, entry: ZipEntry, sheet: string, ctx: SheetContext): SheetReading {
  return readXmlPart([ctx.budget, ctx.cells], (parse) => readSheetWith(parse, zip, entry, sheet, ctx));
}

function readSheetWith(parse: PartParser, zip: ZipArchive, entry: ZipEntry, sheet: string, ctx: SheetContext): SheetReading {
  const cells = new GridCells();
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
    cells.put(row, col, formula !== undefined ? (numberFormat ? { value, formula, numberFormat } : { value, formula }) : numberFormat ? { value, numberFormat } : { value });
  };

  parse(entry.name, (write) => zip.inflate(entry, ctx.budget, write), {
    open(name, a) {
      switch (name) {
        case "row": {
          const r = a.get("r");
          row = r !== undefined ? xsdInteger(r) : row + 1;
          if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw outOfRange(`行号 ${r}`);
          col = 0;
          break;
        }
        case "c": {
          const r = a.get("r");
          if (r !== undefined) {
            const at = parseCellRef(r);
            if (!at) throw outOfRange(`单元格地址 ${r}`);
            [row, col] = at;
          } else col++;
          if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL) throw outOfRange(`单元格地址 ${r ?? col}`);
          type = a.get("t") ?? "n";
          const st = a.get("s");
          style = st !== undefined ? xsdInteger(st) : 0;
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
          fType = a.get("t") ?? "";
          fShared = a.get("si") ?? "";
          fRef = a.get("ref") ?? "";
          break;
        case "is":
          inIs = true;
          hasIs = true;
          break;
        case "mergeCell": {
          const ref = a.get("ref");
          if (ref) mergeRefs.push(ref);
          break;
        }
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
    text(t, start, end) {
      if (capture === "v") v += t.slice(start, end);
      else if (capture === "f") f += t.slice(start, end);
      else if (inIs) is.text(t.slice(start, end));
    },
  });

  // merged areas, each counting its cells against the limit; createGrid leaves out (and records) overlapping ones
  const merges: MergeArea[] = [];
  for (const ref of mergeRefs) {
    let m: MergeArea | null = plainArea(ref);
    if (!m) {
      try {
        if (!ref.includes(":")) continue;
        m = areaOfRange(ref);
      } catch {
        continue; // not an address: nothing to merge
      }
    }
    if (m.top < 1 || m.left < 1 || m.bottom > MAX_ROW || m.right > MAX_COL) continue;
    charge(ctx.cells, (m.bottom - m.top + 1) * (m.right - m.left + 1), TOO_MANY_MERGED);
    merges.push(m);
  }

  return { grid: gridOfCells(sheet, cells, merges) };
}
