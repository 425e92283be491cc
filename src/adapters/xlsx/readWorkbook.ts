import ExcelJS from "exceljs";
import { areaOfRange, Cell, CellValue, createGrid, Grid } from "../../engine";

/** A workbook that could not be opened: missing, corrupt, encrypted (password-protected) or not .xlsx. */
export interface UnreadableWorkbook {
  readonly ok: false;
  readonly code: "FILE_UNREADABLE";
  readonly message: string;
}

export type WorkbookReading = { readonly ok: true; readonly workbook: ExcelJS.Workbook; readonly grids: Grid[] } | UnreadableWorkbook;

/** An exceljs cell value as the engine's plain value (a formula's cached result, rich text as text). */
function plainValue(v: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const inner = plainValue((f.result ?? null) as ExcelJS.CellValue);
      return { value: inner.value, formula: f.formula ?? f.sharedFormula ?? "" };
    }
    if ("richText" in v) return { value: v.richText.map((t) => t.text).join("") };
    if ("text" in v) return { value: String((v as { text: unknown }).text) };
    if ("error" in v) return { value: String(v.error) };
  }
  return { value: String(v) };
}

/** One worksheet into the engine's grid: values, formulas with their cached results, number formats, merges. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: { row: number; col: number; cell: Cell }[] = [];
  // empty cells count too: a blank 执行率 cell's 0.00% format decides how the value is written into it
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (c, colNumber) => {
      if (c.isMerged && c.master.address !== c.address) return; // merge children repeat the master's value
      // a formula's cached result comes from `result`: exceljs leaves a cached 0 out of `value`
      const { value, formula } = c.type === ExcelJS.ValueType.Formula ? { value: plainValue((c.result ?? null) as ExcelJS.CellValue).value, formula: c.formula } : plainValue(c.value);
      const numberFormat = c.numFmt && c.numFmt !== "General" ? c.numFmt : undefined;
      cells.push({ row: rowNumber, col: colNumber, cell: { value, formula, numberFormat } });
    });
  });
  const merges = (ws.model.merges ?? []).map(areaOfRange);
  return createGrid({ sheet: ws.name, cells, merges });
}

function unreadable(message: string): UnreadableWorkbook {
  return { ok: false, code: "FILE_UNREADABLE", message };
}

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // OLE container: encrypted .xlsx or old .xls

/**
 * Open an .xlsx from its bytes. Never throws: a file that cannot be read gives a FILE_UNREADABLE with a
 * Chinese reason (encrypted, old .xls, damaged).
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array): Promise<WorkbookReading> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) return unreadable("文件为空");
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return unreadable("文件已加密（设置了打开密码）或是旧版 .xls 格式，请取消密码或另存为 .xlsx 后再试");
  }
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return unreadable("不是 .xlsx 文件（文件内容无法识别）");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    return unreadable(`文件已损坏，无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }
  try {
    return { ok: true, workbook, grids: workbook.worksheets.map(worksheetToGrid) };
  } catch (e) {
    return unreadable(`工作表内容无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }
}
