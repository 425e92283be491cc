import { summaryRows, summarySheetSpec, SUMMARY_SHEET, SUMMARY_SHEET_MARKER, worstFirst } from "../../app";
import { ExcelCapabilities } from "./capabilities";
import { checkAllSheets } from "./checkAllSheets";
import { ExcelFailure, failure } from "./failures";
import { OwnWrites } from "./ownWrites";
import { queueSheetSpec, runSheetBuild, uniqueSheetName } from "./writeSheetSpec";

/**
 * 生成汇总表: every form of the workbook checked (two round trips, nothing else written), then a 汇总 sheet — one row
 * per form, worst first, each linking to its form — built in one more (the sheet names came with the check): the add-in's earlier 汇总 (recognised by its
 * headings, isSummarySheet) is replaced under its own name; a user's sheet called 汇总 is kept and ours is 汇总 (2).
 */
export async function addSummarySheet(
  context: Excel.RequestContext,
  options: { readonly profileId?: string; readonly capabilities: ExcelCapabilities; readonly ownWrites?: OwnWrites },
): Promise<{ readonly ok: true; readonly sheet: string; readonly rows: number; readonly notes: readonly string[] } | ExcelFailure> {
  const checked = await checkAllSheets(context, options);
  if (!checked.ok) return checked;
  const rows = worstFirst(summaryRows(checked.result));
  if (rows.length === 0) return failure("FORM_NOT_FOUND", "工作簿中没有找到项目支出绩效自评表，未生成汇总表。");
  const taken = checked.sheetNames;
  const ours = checked.summarySheets[0];
  let name = uniqueSheetName(SUMMARY_SHEET, taken);
  if (ours) {
    context.workbook.worksheets.getItem(ours).delete();
    name = ours;
  }
  const spec = summarySheetSpec(rows, checked.result.profile.name, name);
  const built = queueSheetSpec(context, spec, ours ? taken.filter((t) => t !== ours) : taken, options.capabilities, options.ownWrites);
  // the marker the command line knows our 汇总 by (a hidden name scoped to the sheet, as `ziping fix --summary-sheet`
  // writes it), so a later fix replaces this sheet instead of adding 汇总(2)
  const marker = context.workbook.worksheets.getItem(built).names.add(SUMMARY_SHEET_MARKER, `='${built.replace(/'/g, "''")}'!$A$1`);
  marker.visible = false;
  const done = await runSheetBuild(context, built, spec, options.capabilities);
  return done.ok ? { ok: true, sheet: built, rows: rows.length, notes: done.notes } : done;
}
