import type { SheetPreview } from "../app";
import type { SheetReport } from "../engine";
import { fileKind, FileKind } from "../adapters/fileKind";
import { T } from "./strings";

/**
 * What the pane says about a file it cannot use, in Chinese with the next step: never the reading library's
 * English (its text is no help to an accountant and is left out), never a bare "无法读取".
 */

const SAVE_AS = "请用 Excel 或 WPS 打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再选择另存的新文件。";

const PASSWORD_OR_XLS =
  "设置了打开密码，或其实是旧版 .xls 文件（只是扩展名为 .xlsx）。请在 Excel 或 WPS 中打开它：有密码的先取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存），旧版文件另存为“Excel 工作簿（*.xlsx）”，再选择保存后的文件。";

/** What each kind of file is, in accountants' words, and what to do with it (null: the .xlsx reader reads it). */
const KINDS: Record<FileKind, { readonly what: string; readonly next: string } | null> = {
  xlsx: null,
  "zip-damaged": null,
  empty: null,
  xls: { what: "旧版 Excel 文件（.xls 格式，Excel 97–2003）", next: SAVE_AS },
  encrypted: {
    what: "设置了打开密码的 Excel 文件",
    next: "本助手读不了加密的文件。请在 Excel 中打开它，点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存，再选择保存后的文件。",
  },
  ods: { what: "OpenDocument 表格（.ods 格式，WPS 和 LibreOffice 常用）", next: "请用 WPS、LibreOffice 或 Excel 打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再选择另存的新文件。" },
  xlsb: { what: "Excel 二进制工作簿（.xlsb 格式）", next: SAVE_AS },
  html: {
    what: "网页格式的表格（HTML；很多业务系统导出的“Excel”其实是网页）",
    next: "请用 Excel 或 WPS 打开它（提示“格式与扩展名不一致”时选“是”），点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再选择另存的新文件，并核对另存后表格的合并单元格是否完整。",
  },
  xml2003: { what: "Excel 2003 的 XML 表格（XML 电子表格 2003）", next: SAVE_AS },
  csv: {
    what: "CSV 文本文件（只有文字和分隔符，没有合并单元格、公式和格式）",
    next: "请选择自评表原来的 Excel 文件；如果只有这份 CSV，请用 Excel 或 WPS 打开它，另存为“Excel 工作簿（*.xlsx）”，核对表头后再选择另存的新文件。",
  },
  docx: { what: "Word 文档", next: "请选择自评表的 Excel 文件（.xlsx）。如果自评表只做成了 Word 表格，可以点“新建自评表”下载标准的 Excel 自评表，把内容填进去后再校验。" },
  doc: { what: "旧版 Word 文档（.doc）", next: "请选择自评表的 Excel 文件（.xlsx）。如果自评表只做成了 Word 表格，可以点“新建自评表”下载标准的 Excel 自评表，把内容填进去后再校验。" },
  pptx: { what: "PowerPoint 演示文稿", next: "请确认选对了文件：本助手只读取 Excel 自评表（.xlsx）。" },
  "odf-other": { what: "OpenDocument 文字或演示文件，不是表格", next: "请确认选对了文件：本助手只读取 Excel 自评表（.xlsx）。" },
  "ole-other": { what: "旧版 Office 文件，但不是 Excel 表格", next: "请确认选对了文件：本助手只读取 Excel 自评表（.xlsx）。" },
  pdf: {
    what: "PDF 文件",
    next: "PDF 中的数字无法读取和改写。请使用自评表的 Excel 文件；手头只有 PDF 时，可以点“新建自评表”下载标准的 Excel 自评表，照 PDF 填好后再校验。",
  },
  unknown: {
    what: "无法识别的文件（不是 Excel 工作簿，可能是改了扩展名的其他文件）",
    next: `请确认选对了文件；如果它能在 Excel 或 WPS 中打开，${SAVE_AS.replace(/^请/, "")}`,
  },
};

/** The extensions each kind is usually saved with: another one means the file was renamed. */
const USUAL_EXTENSIONS: Partial<Record<FileKind, readonly string[]>> = {
  xlsx: ["xlsx", "xlsm", "xltx", "xltm"],
  xls: ["xls", "et", "ett", "xlt"],
  ods: ["ods", "fods"],
  xlsb: ["xlsb"],
  html: ["html", "htm", "mht", "mhtml"],
  xml2003: ["xml"],
  csv: ["csv", "txt"],
  docx: ["docx"],
  doc: ["doc", "wps"],
  pptx: ["pptx"],
  pdf: ["pdf"],
};

function extension(name: string): string {
  return /\.([^.\\/]+)$/.exec(name)?.[1].toLowerCase() ?? "";
}

/** "（扩展名是 .xlsx，内容却是……）" when the name hides what the file is. */
function renamed(name: string, kind: FileKind): string {
  const ext = extension(name);
  const usual = USUAL_EXTENSIONS[kind];
  return usual && ext !== "" && !usual.includes(ext) ? `（文件名的扩展名是 .${ext}，但内容不是）` : "";
}

/**
 * A file the pane should not even open, by its content (never by its name: an .xlsx saved under another extension is
 * read, an .ods renamed .xlsx is told apart): another format than .xlsx, an empty file. Null when it looks like an
 * .xlsx (or a damaged one: the reader then says what is wrong, unreadableMessage).
 */
export function fileRefusal(name: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return `“${name}”是空文件（0 字节），可能没有下载完整或复制时出错。请重新获取这份文件后再选择。`;
  const detected = fileKind(bytes);
  const ext = extension(name);
  // an OLE file whose streams say nothing (damaged, or an unusual writer) is what its name suggests: an .xls or .et,
  // or — named .xlsx — one of the two things such a file usually is
  const kind = detected === "ole-other" && /^(xls|xlt|et|ett)$/.test(ext) ? "xls" : detected;
  if (kind === "ole-other" && /^xl[st][xm]$/.test(ext)) return `“${name}”${PASSWORD_OR_XLS}`;
  const known = KINDS[kind];
  if (!known) return null;
  const what = kind === "xls" && /^ett?$/.test(ext) ? "WPS 表格文件（.et）" : known.what;
  return `“${name}”是${what}${renamed(name, kind)}，本助手只能读取 .xlsx 文件。${known.next}`;
}

/** Why a file that was opened could not be read, from its bytes (the reader's own message is not shown). */
export function unreadableMessage(name: string, bytes: Uint8Array): string {
  const refused = fileRefusal(name, bytes);
  if (refused) return refused;
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
  return `“${name}”中${lookedFor}。找到的是：${found || "没有工作表"}。请确认选择的是自评表文件。如果它是自评表，只是表头的写法与常见的不同（助手要找“全年预算数”“全年执行数”“三级指标”“年度指标值”“实际完成值”等表头），请把表头改成这些常用的写法，或点“新建自评表”下载标准格式，把内容复制进去后再校验。`;
}

/** An unexpected error's own text, for the 详情 of the notice (the notice itself stays Chinese). */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The notice for a failure nobody foresaw: the accountant's sentence, the technical detail to pass on. */
export function unexpectedNotice(e: unknown): { readonly intent: "error"; readonly text: string; readonly detail: string } {
  return { intent: "error", text: T.unexpected, detail: errorDetail(e) };
}
