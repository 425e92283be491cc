import { Grid } from "../../engine";
import { Budget, DEFAULT_LIMITS, megabytes, noWorksheet, ReadLimits, tooLarge, unreadable, WorkbookError, WorkbookFailureCode } from "./limits";
import { readWorkbookPart, SAVE_AS_XLSX, WorkbookPart } from "./read/package";
import { readSheet } from "./read/readSheet";
import { readSharedStrings } from "./read/sharedStrings";
import { readCellFormats } from "./read/styles";
import { ZipArchive } from "./zip/zipArchive";
import { isFindingsSheet } from "./findingsSheetMarker";
import { isSummarySheet } from "./summaryMarker";
import { isStoreSheet } from "../../app/workbookStore";

/**
 * A workbook that could not be read: missing, corrupt, encrypted, not .xlsx (FILE_UNREADABLE) or past the limits
 * (FILE_TOO_LARGE); or one without a single worksheet (FORM_NOT_FOUND), of which no report and no copy are made.
 */
export interface UnreadableWorkbook {
  readonly ok: false;
  readonly code: WorkbookFailureCode;
  readonly message: string;
}

/**
 * What is known of a worksheet once read, without its grid: what a scored copy needs of it after the check let the grid
 * go (its name and part, and whether it is one of our own sheets to replace).
 */
export interface SheetInfo {
  readonly name: string;
  /** Its part in the package (xl/worksheets/sheet1.xml). */
  readonly part: string;
  /** The 校验结果 sheet of an earlier scored copy (recognised by its marker, not by its name). */
  readonly isFindingsSheet: boolean;
  /** The 汇总 sheet of an earlier scored copy or of a folder's 汇总 (by its marker). */
  readonly isSummarySheet: boolean;
  /** visible, hidden or veryHidden: hidden sheets are read like the others (the store sheet is very hidden). */
  readonly state: string;
  /** The workbook's store sheet (its marker in A1, whatever its name or state). */
  readonly isStoreSheet: boolean;
}

/** One worksheet as read. */
export interface ReadSheet extends SheetInfo {
  readonly grid: Grid;
}

/** The package a workbook was read from, kept for writing a copy of it (write/scoredCopy.ts). */
export interface WorkbookSource {
  readonly zip: ZipArchive;
  readonly workbook: WorkbookPart;
}

export type WorkbookReading =
  | { readonly ok: true; readonly grids: Grid[]; readonly sheets: readonly ReadSheet[]; readonly source: WorkbookSource }
  | UnreadableWorkbook;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE container: encrypted .xlsx, old .xls, WPS .et

function starts(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A workbook opened but not yet read: its worksheets by name, each read on demand (one at a time, then let go). */
export interface OpenedWorkbook {
  readonly ok: true;
  readonly source: WorkbookSource;
  /** The worksheets in tab order (chart sheets and dialog sheets are not worksheets); state: visible, hidden, veryHidden. */
  readonly worksheets: readonly { readonly name: string; readonly part: string; readonly state: string }[];
  /** Read one worksheet into a sparse grid; throws WorkbookError (past the limits, damaged). */
  read(index: number): ReadSheet;
}

/**
 * Open an .xlsx (.xlsm, .xltx) from its bytes: the zip directory, the workbook part, shared strings and styles,
 * and the limits checked against the sizes the directory declares (FILE_TOO_LARGE before anything is inflated).
 * Each sheet is then read on demand under its own limits (memory) and the workbook's (time). Never throws.
 */
export function openWorkbook(data: ArrayBuffer | Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): OpenedWorkbook | UnreadableWorkbook {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return openPackage(bytes, limits);
  } catch (e) {
    return failure(e);
  }
}

/** What the reader threw, as the result at its edge. */
export function failure(e: unknown, otherwise = "文件已损坏，无法读取"): UnreadableWorkbook {
  if (e instanceof WorkbookError) return { ok: false, code: e.code, message: e.message };
  return { ok: false, code: "FILE_UNREADABLE", message: otherwise };
}

/**
 * Open an .xlsx (.xlsm, .xltx) from its bytes and read every worksheet into a sparse grid, one sheet at a time, all
 * kept (for the template from last year's form and for tests; a check streams, see files.ts). All of it is held at
 * once, so the whole workbook is held to the limits of one sheet. Never throws: a file that cannot be read gives
 * FILE_UNREADABLE, one past the limits FILE_TOO_LARGE (decided from the zip directory before anything is inflated,
 * and again while inflating), each with a Chinese reason.
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookReading> {
  const opened = openWorkbook(data, { ...limits, workbookXmlBytes: limits.xmlBytes, workbookCells: limits.cells });
  if (!opened.ok) return opened;
  try {
    const sheets = opened.worksheets.map((_s, i) => opened.read(i));
    return { ok: true, grids: sheets.map((s) => s.grid), sheets, source: opened.source };
  } catch (e) {
    return failure(e);
  }
}

function openPackage(bytes: Uint8Array, limits: ReadLimits): OpenedWorkbook {
  if (bytes.length === 0) throw unreadable("文件为空");
  if (starts(bytes, CFB_MAGIC)) throw unreadable("文件已加密（设置了打开密码），或是旧版 .xls / WPS .et 格式：请取消密码，或用 Excel / WPS 另存为 .xlsx 后再试");
  if (!starts(bytes, ZIP_MAGIC)) throw unreadable(`不是 .xlsx 文件（文件内容无法识别）；若是其他格式的表格，${SAVE_AS_XLSX}`);
  const zip = ZipArchive.open(bytes);
  const xmlLimit = Math.max(limits.workbookXmlBytes ?? DEFAULT_LIMITS.workbookXmlBytes!, limits.xmlBytes);
  const cellLimit = Math.max(limits.workbookCells ?? DEFAULT_LIMITS.workbookCells!, limits.cells);
  const budget: Budget = { remaining: xmlLimit, limit: xmlLimit };
  const partBudget = (what?: string): Budget => ({ remaining: limits.xmlBytes, limit: limits.xmlBytes, parent: budget, ...(what ? { what } : {}) });
  const workbook = readWorkbookPart(zip, budget);
  const rel = (type: string) => workbook.relationships.find((r) => r.type === type)?.target ?? null;
  if (workbook.sheets.length === 0) throw noWorksheet("工作簿中没有工作表，没有可校验的自评表");
  const kindWorksheet = workbook.sheets.filter((s) => s.kind === "worksheet");
  if (kindWorksheet.length === 0) {
    const names = workbook.sheets.slice(0, 3).map((s) => `“${s.name}”`).join("、") + (workbook.sheets.length > 3 ? "等" : "");
    const charts = workbook.sheets.every((s) => s.kind === "chartsheet");
    throw noWorksheet(`工作簿中只有${charts ? "图表工作表" : "图表、宏表或对话框工作表"}（${names}），没有工作表，没有可校验的自评表`);
  }
  const entries = kindWorksheet.filter((s) => s.part && zip.get(s.part));
  if (entries.length === 0) throw unreadable(`文件已损坏，无法读取（工作表“${kindWorksheet[0].name}”的内容缺失）`);

  // refuse at once what the directory already says is too big, before inflating anything: the workbook as a whole,
  // and each part that is held or streamed at a time
  const sizeOf = (p: string | null) => (p ? (zip.get(p)?.size ?? 0) : 0);
  const parts = [rel("sharedStrings"), rel("styles"), ...entries.map((s) => s.part)];
  const declared = parts.reduce((sum, p) => sum + sizeOf(p), 0);
  if (declared > budget.remaining) throw tooLarge(`工作簿内容超过 ${megabytes(xmlLimit)}（解压后约 ${megabytes(declared)}），超出本工具的处理上限`);
  const largest = entries.find((s) => sizeOf(s.part) > limits.xmlBytes);
  if (largest) throw tooLarge(`工作表“${largest.name}”的内容超过 ${megabytes(limits.xmlBytes)}（解压后约 ${megabytes(sizeOf(largest.part))}），超出本工具的处理上限`);
  if (Math.max(sizeOf(rel("sharedStrings")), sizeOf(rel("styles"))) > limits.xmlBytes) {
    throw tooLarge(`工作簿内容超过 ${megabytes(limits.xmlBytes)}（解压后约 ${megabytes(Math.max(sizeOf(rel("sharedStrings")), sizeOf(rel("styles"))))}），超出本工具的处理上限`);
  }

  // a reader of one part of a workbook spends its share of the workbook's limits (ReadLimits.share)
  const share = Math.min(1, Math.max(0, limits.share ?? 1));
  if (share < 1) budget.remaining = Math.ceil(xmlLimit * share);
  const strings = readSharedStrings(zip, rel("sharedStrings"), partBudget());
  const formats = readCellFormats(zip, rel("styles"), partBudget());
  const cells: Budget = { remaining: Math.ceil(cellLimit * share), limit: cellLimit };
  const worksheets = entries.map((s) => ({ name: s.name, part: zip.get(s.part!)!.name, state: s.state }));
  return {
    ok: true,
    source: { zip, workbook },
    worksheets,
    read(index) {
      const { name, part } = worksheets[index];
      const context = {
        strings,
        formats,
        date1904: workbook.date1904,
        budget: partBudget(`工作表“${name}”的内容`),
        cells: { remaining: limits.cells, limit: limits.cells, what: `工作表“${name}”`, parent: cells },
      };
      const { grid } = readSheet(zip, zip.get(part)!, name, context);
      const tabIndex = workbook.sheets.indexOf(entries[index]);
      return {
        name,
        part,
        grid,
        isFindingsSheet: isFindingsSheet(workbook.definedNames, tabIndex, grid),
        isSummarySheet: isSummarySheet(workbook.definedNames, tabIndex),
        state: entries[index].state,
        isStoreSheet: isStoreSheet(grid),
      };
    },
  };
}
