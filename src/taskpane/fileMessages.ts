import type { SheetPreview } from "../app";
import type { SheetReport } from "../engine";
import { T } from "./strings";

/**
 * What the pane says about a file it cannot use, in Chinese with the next step: never the reading library's
 * English (its text is no help to an accountant and is left out), never a bare "无法读取".
 */

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // old .xls, .et, or an .xlsx with an opening password
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const SAVE_AS = "请用 Excel 或 WPS 打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再选择另存的新文件。";

/** Spreadsheet formats other than .xlsx that accountants receive, by extension. */
const OTHER_FORMATS: Record<string, string> = {
  xls: "旧版 Excel 文件（.xls）",
  et: "WPS 表格文件（.et）",
  ett: "WPS 表格模板（.ett）",
  xlsb: "Excel 二进制工作簿（.xlsb）",
  xlsm: "启用宏的 Excel 文件（.xlsm）",
  ods: "OpenDocument 表格（.ods）",
  csv: "CSV 文本文件",
  wps: "WPS 文字文件",
  doc: "Word 文档",
  docx: "Word 文档",
  pdf: "PDF 文件",
};

function extension(name: string): string {
  return /\.([^.\\/]+)$/.exec(name)?.[1].toLowerCase() ?? "";
}

/**
 * A file the pane should not even open, by its name and first bytes: another format than .xlsx (an .xlsx saved
 * under another extension is let through), an empty file. Null when it looks like an .xlsx.
 */
export function fileRefusal(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `“${name}”是空文件（0 字节），可能没有下载完整或复制时出错。请重新获取这份文件后再选择。`;
  const ext = extension(name);
  const kind = OTHER_FORMATS[ext];
  if (kind && !(ext === "xlsm" && startsWith(bytes, ZIP))) {
    return `“${name}”是${kind}，本助手只能读取 .xlsx 文件。${SAVE_AS}`;
  }
  return null;
}

/** Why a file that was opened could not be read, from its bytes (the reader's own message is not shown). */
export function unreadableMessage(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) return fileRefusal(name, bytes)!;
  if (startsWith(bytes, OLE)) {
    return `“${name}”设置了打开密码，或其实是旧版 .xls 文件（只是扩展名为 .xlsx）。请在 Excel 或 WPS 中打开它：有密码的先取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存），旧版文件另存为 .xlsx，再选择保存后的文件。`;
  }
  if (!startsWith(bytes, ZIP)) {
    return `“${name}”不是 Excel 工作簿（文件内容无法识别，可能是改了扩展名的其他文件）。请确认选对了文件；如果它能在 Excel 或 WPS 中打开，${SAVE_AS.replace(/^请/, "")}`;
  }
  return `“${name}”已损坏，无法读取（可能没有下载完整或被截断）。请重新下载或向发件人重新索取；如果它还能在 Excel 或 WPS 中打开，${SAVE_AS.replace(/^请/, "")}`;
}

/** "工作表“说明”（12 个单元格有内容，开头是“填表说明”“一、…”）" or "工作表“Sheet2”（空白）". */
function foundOn(report: SheetReport, preview: SheetPreview | undefined): string {
  if (!preview || preview.filled === 0) return `工作表“${report.sheet}”（空白）`;
  const start = preview.texts.map((t) => `“${t}”`).join("");
  return `工作表“${report.sheet}”（${preview.filled} 个单元格有内容，开头是${start}）`;
}

/**
 * A workbook with no 自评表 in it: what was looked for (the engine's own FORM_NOT_FOUND messages name the labels)
 * and what each sheet holds instead, then what to do.
 */
export function notAFormMessage(name: string, sheets: readonly { readonly report: SheetReport; readonly preview?: SheetPreview }[]): string {
  const lookedFor = sheets[0]?.report.findings.find((f) => f.code === "FORM_NOT_FOUND")?.message.replace(/^工作表“[^”]*”中/, "") ?? "没有找到财政项目支出绩效自评表";
  const found = sheets.map((s) => foundOn(s.report, s.preview)).join("；");
  return `“${name}”中${lookedFor}。找到的是：${found || "没有工作表"}。请确认选择的是自评表文件；如果表头的写法与常见的自评表不同，请把这份文件交给维护人员。`;
}

/** An unexpected error's own text, for the 详情 of the notice (the notice itself stays Chinese). */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The notice for a failure nobody foresaw: the accountant's sentence, the technical detail to pass on. */
export function unexpectedNotice(e: unknown): { readonly intent: "error"; readonly text: string; readonly detail: string } {
  return { intent: "error", text: T.unexpected, detail: errorDetail(e) };
}
