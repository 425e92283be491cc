import { reportSummaryRows, type SummaryRow } from "../app";
import type { SheetReport } from "../engine";

const made = new WeakMap<readonly SheetReport[], readonly SummaryRow[]>();

/**
 * The workbook view's rows of these reports (one a form, in workbook order): made where the reports were made — the
 * check worker sends each sheet's with it (checkWorkerProtocol.ts), so that a workbook of thousands of forms costs the
 * page no pass over its reports — or else here, once.
 */
export function summaryRowsOf(reports: readonly SheetReport[]): readonly SummaryRow[] {
  // its caller keeps what it makes of them (workbookRows): made here, they are not kept twice
  return made.get(reports) ?? reportSummaryRows(reports, "");
}

/** Rows made elsewhere for these reports (reportSummaryRows(reports, "") by whoever made them). */
export function summaryRowsMade(reports: readonly SheetReport[], rows: readonly SummaryRow[]): void {
  made.set(reports, rows);
}
