import { basename } from "node:path";
import stringWidth from "string-width";
import { reportSummaryRows, SummaryRow, worstFirst } from "../app";
import { countBySeverity, FindingReport, formKindSentence, FormReport, isDeclaration, orderFindings, SheetReportOf, Severity, verdictText } from "../engine";
import type { WorkbookFailureCode } from "../adapters/xlsx/limits";
import { displayName } from "./fileIo";

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Where the 评分方案 a file was checked with came from: `--profile`, the workbook's store sheet, or the default. */
export interface ProfileUsed {
  readonly id: string;
  readonly name: string;
  readonly from: "option" | "workbook" | "default";
  /** Why the workbook's own 评分方案 could not be used, when it could not. */
  readonly note?: string;
}

/** One input's result: its sheets' reports, their forms' reports as F (objects; packed for the JSON report). */
export interface FileResultOf<F> {
  readonly file: string;
  /** Why the file gives no report: it cannot be read (FILE_UNREADABLE, FILE_TOO_LARGE), or it holds no worksheet (FORM_NOT_FOUND). */
  readonly error: { readonly code: WorkbookFailureCode; readonly message: string } | null;
  readonly sheets: readonly SheetReportOf<F>[];
  /** The 评分方案 the file was checked with; absent for a file that could not be read. */
  readonly profileUsed?: ProfileUsed;
}

export type FileResult = FileResultOf<FormReport>;

export interface TextReportOptions {
  /** End with the 汇总 table even for a single form (it always ends with it for two forms or more). */
  readonly table?: boolean;
  /** The 汇总 workbook written beside the report, named above the table. */
  readonly summaryFile?: string | null;
  /** Workbooks given that are 汇总 this tool wrote (not checked). */
  readonly ownSummaries?: readonly string[];
}


/** A file that could not be read (a workbook without a worksheet was read: it is an error finding of its own). */
export function unreadableFile(r: FileResultOf<unknown>): boolean {
  return r.error !== null && r.error.code !== "FORM_NOT_FOUND";
}

/** Files read that hold no worksheet: each counts as one error (FORM_NOT_FOUND), as a sheet without a form does. */
export function sheetlessFiles(results: readonly FileResultOf<unknown>[]): number {
  return results.filter((r) => r.error?.code === "FORM_NOT_FOUND").length;
}

/** All findings of sheet reports: every form's, or a sheet's FORM_NOT_FOUND. */
export function allFindings(sheets: readonly SheetReportOf<unknown>[]): FindingReport[] {
  return sheets.flatMap((s) => (s.isForm ? s.forms.flatMap((f) => f.findings) : s.findings));
}

const ignoredWhy = (x: FindingReport) => {
  const i = x.ignored!;
  const who = [i.by, i.at].filter(Boolean).join("，");
  return displayName(`理由：${i.reason}${who ? `（${who}）` : ""}`);
};

function formBlock(lines: string[], sheet: string, heading: string, f: FormReport, findings: readonly FindingReport[]): void {
  const verdict = verdictText(f);
  const c = countBySeverity(findings);
  const ignored = findings.filter((x) => x.ignored);
  const rate = f.funds.find((x) => x.label.startsWith("年度资金总额"))?.rate.computed ?? f.funds[0]?.rate.computed ?? "—";
  lines.push(`  工作表「${displayName(sheet)}」${heading}：${displayName(f.projectName ?? "（未填写项目名称）")}`);
  if (f.formKind !== "selfEvaluation") lines.push(`    ${formKindSentence(f.formKind)}`);
  if (isDeclaration(f.formKind)) {
    const total = f.funds.find((x) => x.budget !== null)?.budget;
    lines.push(`    年度资金总额 ${total ?? "—"}　绩效指标 ${f.indicators.length} 个`);
  } else lines.push(
    `    执行率 ${rate}%　预算执行得分 ${f.budgetScore.computed ?? "—"}　${verdict.label} ${verdict.value}（填写 ${f.total.declared ?? "空"}）　评分等级 ${f.grade.computed ?? "—"}（填写 ${f.grade.declared ?? "空"}）${verdict.reason ? `\n    ${verdict.reason}` : ""}`,
  );
  lines.push(`    错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项${ignored.length ? `，已忽略 ${ignored.length} 项` : ""}`);
  // 错误 first, then 警告, then 提示, each top to bottom (the order of the pane and the 校验结果 sheet); the accepted
  // ones (已忽略) last, with their reason, never counted
  for (const x of orderFindings(findings.filter((y) => !y.ignored))) {
    lines.push(`    [${SEVERITY_ZH[x.severity]}] ${x.cells.join("、") || "—"}  ${displayName(x.message)}（${x.code}）`);
  }
  for (const x of orderFindings(ignored)) {
    lines.push(`    [已忽略·${SEVERITY_ZH[x.severity]}] ${x.cells.join("、") || "—"}  ${displayName(x.message)}（${x.code}）　${ignoredWhy(x)}`);
  }
}

const PROFILE_FROM: Record<ProfileUsed["from"], string> = { option: "--profile 指定", workbook: "工作簿中保存的方案", default: "默认" };

/**
 * The readable Chinese report of `ziping check`, one block per file and form; what a folder held besides
 * spreadsheets is named at the end; then the totals; then, for two forms or more, the 汇总 table (one line per form,
 * worst first).
 */
export function textReport(results: readonly FileResult[], skipped: readonly string[] = [], options: TextReportOptions = {}): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`文件：${displayName(r.file)}`);
    if (r.error) {
      lines.push(`  ${r.error.code === "FORM_NOT_FOUND" ? "没有找到自评表" : "无法读取"}：${displayName(r.error.message)}`, "");
      continue;
    }
    if (r.profileUsed?.from === "workbook") lines.push(`  评分方案：${displayName(r.profileUsed.name)}（${PROFILE_FROM.workbook}）`);
    if (r.profileUsed?.note) lines.push(`  注意：${displayName(r.profileUsed.note)}`);
    for (const s of r.sheets) {
      if (!s.isForm) {
        lines.push(`  工作表「${displayName(s.sheet)}」：不是自评表（${s.findings[0]?.severity === "info" ? "已跳过" : "未找到自评表"}）`);
        continue;
      }
      const forms = s.forms;
      forms.forEach(({ form, findings }, i) => formBlock(lines, s.sheet, forms.length > 1 ? `第 ${i + 1} 张` : "", form, findings));
    }
    lines.push("");
  }
  const all = results.flatMap((r) => r.sheets);
  const c = countBySeverity(allFindings(all));
  const forms = all.reduce((n, s) => n + (s.isForm ? s.forms.length : 0), 0);
  const bad = results.filter((r) => unreadableFile(r)).length;
  const sheetless = sheetlessFiles(results);
  if (skipped.length) lines.push(`已跳过 ${skipped.length} 个不是表格的文件或子文件夹：${skipped.map(displayName).join("、")}`);
  if (options.ownSummaries?.length) lines.push(`已跳过本工具生成的汇总表（不是自评表）：${options.ownSummaries.map(displayName).join("、")}`);
  lines.push(
    `共 ${results.length} 个文件，${forms} 张自评表${bad ? `，${bad} 个文件无法读取` : ""}${sheetless ? `，${sheetless} 个文件没有工作表` : ""}；错误 ${c.error + sheetless} 项，警告 ${c.warning} 项，提示 ${c.info} 项`,
  );
  if (forms >= 2 || (options.table && forms >= 1)) {
    const rows = results.flatMap((r) => reportSummaryRows(r.sheets, r.profileUsed?.name ?? "", results.length > 1 ? r.file : null));
    const written = options.summaryFile ? `已写入 ${displayName(options.summaryFile)}；` : "";
    lines.push("", `汇总（${written}错误、警告多的在前，再按总分从低到高）：`, ...summaryTable(rows));
  }
  return lines.join("\n") + "\n";
}

const MAX_NAME = 30;
const MAX_FILE = 36;

/** A text cut to at most `width` display columns (a CJK character is two), with … where it was cut; `fromLeft` keeps the end (a path's file name). */
export function fitWidth(text: string, width: number, fromLeft = false): string {
  if (stringWidth(text) <= width) return text;
  const chars = [...text];
  if (fromLeft) chars.reverse();
  let out = "";
  let used = 1; // the …
  for (const ch of chars) {
    const w = stringWidth(ch);
    if (used + w > width) break;
    out = fromLeft ? ch + out : out + ch;
    used += w;
  }
  return fromLeft ? `…${out}` : `${out}…`;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - stringWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - stringWidth(text))) + text;

/**
 * The 汇总 as lines of text: one per form, worst first, columns aligned by display width (a CJK character takes two
 * columns in a terminal), long names cut with ….
 */
export function summaryTable(rows: readonly SummaryRow[]): string[] {
  const withFile = rows.some((r) => r.file !== null);
  const withIgnored = rows.some((r) => r.ignored > 0);
  const header = [...(withFile ? ["文件"] : []), "工作表", "项目名称", "总分", "等级", "错误", "警告", "提示", ...(withIgnored ? ["已忽略"] : [])];
  const right = [...(withFile ? [false] : []), false, false, true, false, true, true, true, ...(withIgnored ? [true] : [])];
  // a file by its name when the names tell the files apart (the usual folder), else by its path
  const names = new Set(rows.map((r) => basename(r.file ?? "")));
  const byName = names.size === new Set(rows.map((r) => r.file)).size;
  const body = worstFirst(rows).map((r) => [
    ...(withFile ? [fitWidth(displayName(byName ? basename(r.file ?? "") : (r.file ?? "")), MAX_FILE, true)] : []),
    fitWidth(displayName(r.sheet), 16) + (r.form > 1 ? `（第 ${r.form} 张）` : ""),
    fitWidth(displayName(r.projectName), MAX_NAME),
    r.totalLabel === "总分" ? r.total : `${r.total}（得分合计）`,
    r.grade,
    String(r.errors),
    String(r.warnings),
    String(r.infos),
    ...(withIgnored ? [String(r.ignored)] : []),
  ]);
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...body.map((b) => stringWidth(b[i]))));
  const line = (cells: readonly string[]) => "  " + cells.map((c, i) => (right[i] ? padStart(c, widths[i]) : padEnd(c, widths[i]))).join("  ").trimEnd();
  return [line(header), "  " + widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
}
