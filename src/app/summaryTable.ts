import { countBySeverity, Grid, rawCell, SheetReport, SheetSpec, SpecCell, verdictText } from "../engine";
import { WorkbookResult } from "./checkWorkbook";

/** One row of the 汇总: one form, where it is, its figures and its counts. */
export interface SummaryRow {
  /** The file, for a folder's 汇总; null within one workbook. */
  readonly file: string | null;
  readonly sheet: string;
  /** The form's place on its sheet (most sheets hold one), and the cell a link takes the reader to. */
  readonly form: number;
  readonly cell: string;
  readonly projectName: string;
  /** 总分 (a verdict) or 得分合计 (no verdict), with its label; "—" when there is none. */
  readonly totalLabel: "总分" | "得分合计";
  readonly total: string;
  readonly grade: string;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly ignored: number;
  /** The 评分方案 the form was scored with (the files of a folder may each keep their own). */
  readonly profile?: string;
}

/** The 汇总 rows of a checked workbook: one per form, in workbook order. */
export function summaryRows(result: WorkbookResult, file: string | null = null): SummaryRow[] {
  return reportSummaryRows(
    result.sheets.map((s) => s.report),
    result.profile.name,
    file,
  );
}

/** The 汇总 rows of sheet reports (of a file checked elsewhere, with the folder's findings added): one per form. */
export function reportSummaryRows(reports: readonly SheetReport[], profileName: string, file: string | null = null): SummaryRow[] {
  return reports.flatMap((report) =>
    report.forms.map(({ form, findings }, i) => {
      const counts = countBySeverity(findings);
      const verdict = verdictText(form);
      return {
        file,
        sheet: report.sheet,
        form: i + 1,
        cell: form.funds[0]?.rate.cell ?? form.total.cell ?? "A1",
        projectName: form.projectName ?? "（未填写项目名称）",
        totalLabel: verdict.label,
        total: verdict.value,
        grade: form.grade.computed ?? "—",
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        ignored: findings.filter((f) => f.ignored).length,
        profile: profileName,
      };
    }),
  );
}

/** Worst first: most errors, then most warnings, then the lowest total; ties in workbook order. */
export function worstFirst(rows: readonly SummaryRow[]): SummaryRow[] {
  const total = (r: SummaryRow) => (r.total === "—" ? Infinity : Number(r.total));
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.errors - a.r.errors || b.r.warnings - a.r.warnings || total(a.r) - total(b.r) || a.i - b.i)
    .map((x) => x.r);
}

export const SUMMARY_SHEET = "汇总";

/**
 * The marker of a 汇总 sheet we wrote, in the .xlsx and in Excel alike: a hidden defined name scoped to the sheet
 * (`ziping fix --summary-sheet` writes it; the add-in adds it with Worksheet.names, ExcelApi 1.4).
 */
export const SUMMARY_SHEET_MARKER = "ziping_summary";

const HEADERS = ["文件", "工作表", "项目名称", "总分", "评分等级", "错误", "警告", "提示", "已忽略", "评分方案"] as const;

/**
 * Whether a sheet is a 汇总 the add-in made (its first row is ours, with or without the 文件 column), so a new 汇总
 * replaces it instead of piling up 汇总 (2), 汇总 (3) … A user's own sheet called 汇总 has other headings and is kept.
 */
export function isSummarySheet(grid: Grid): boolean {
  const first = (headers: readonly string[]) => headers.every((h, i) => rawCell(grid, 1, i + 1)?.value === h);
  return first(HEADERS) || first(HEADERS.slice(1));
}

/**
 * The 汇总 as a sheet: one row per form with a link to it (within the workbook, or to the file and sheet of a folder's
 * form), the figures, the counts and the 评分方案. The 文件 column only when the rows come from several files.
 */
export function summarySheetSpec(rows: readonly SummaryRow[], profileName: string, name = SUMMARY_SHEET): SheetSpec {
  const withFile = rows.some((r) => r.file !== null);
  const headers = withFile ? HEADERS : HEADERS.slice(1);
  const cells: SpecCell[] = headers.map((h, i) => ({ row: 1, col: i + 1, value: h, style: { bold: true, border: true, horizontal: "center" } }));
  rows.forEach((r, i) => {
    const row = i + 2;
    const quoted = `'${r.sheet.replace(/'/g, "''")}'!${r.cell}`;
    const link = r.file === null ? `#${quoted}` : `${r.file}#${quoted}`;
    const values: (string | number)[] = [
      ...(withFile ? [r.file ?? ""] : []),
      r.sheet,
      r.projectName,
      r.totalLabel === "总分" ? r.total : `${r.total}（得分合计，未评定）`,
      r.grade,
      r.errors,
      r.warnings,
      r.infos,
      r.ignored,
      r.profile ?? profileName,
    ];
    values.forEach((value, j) => {
      const isLink = j === (withFile ? 2 : 1);
      cells.push({ row, col: j + 1, value, style: { border: true, wrap: isLink }, ...(isLink ? { link } : {}) });
    });
  });
  const widths = [...(withFile ? [24] : []), 14, 36, 18, 8, 6, 6, 6, 7, 22];
  return { name, cells, merges: [], columnWidths: widths.map((width, i) => ({ col: i + 1, width })), printFitWidth: true };
}
