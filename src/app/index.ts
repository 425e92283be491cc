/**
 * The application layer: one service per operation — check (and the write plan that 校验并计分 applies), the
 * templates, undo — each taking grids and a resolved profile and returning data. The CLI, the .xlsx file host,
 * the Excel host and the ribbon commands call these and only do I/O around them.
 */
export { planTotals } from "./checkWorkbook";
export { STORE_SHEET, STORE_MARKER, EMPTY_STORE, isStoreSheet, readStore, storeRows, withProfile, withTaughtLabel, acceptFinding, acceptKey, unacceptFinding, unacceptKey, markAccepted, vocabularyOf } from "./workbookStore";
export type { WorkbookStore, AcceptedFinding, Acceptance } from "./workbookStore";
export { formDetails, TEACH_FIELDS, taughtLabel } from "./formDetails";
export type { FormDetails, UnplacedHeader, TeachField } from "./formDetails";
export type { CheckOptions, SheetResult, WorkbookResult } from "./checkWorkbook";
export { newTemplate, nextYearTemplate } from "./templates";
export type { MadeTemplate, TemplateResult } from "./templates";
export { undoSnapshotOf, parseUndoSnapshot, planUndo, stillWritten } from "./undo";
export type { UndoSnapshot, UndoCell } from "./undo";
export { describeWrites } from "./writtenCells";
export type { WrittenCell } from "./writtenCells";
export { displayValue, cellText, cellTexts, sheetPreview } from "./cellText";
export type { SheetPreview } from "./cellText";
export type * from "./host";
export { summaryRows, reportSummaryRows, worstFirst, summarySheetSpec, isSummarySheet, SUMMARY_SHEET, SUMMARY_SHEET_MARKER } from "./summaryTable";
export type { SummaryRow } from "./summaryTable";
export { formulaReferences, formulasAffectedBy, formulasToRecheck, gridAfterWrite, recheckFormulas } from "./formulaRecheck";
export type { FormulaReferences, Rechecked } from "./formulaRecheck";
export { folderForm, folderForms, withFolderFindings, whereInFolder } from "./folderChecks";
export type { FolderFile, FolderForm } from "./folderChecks";
export { applyStoreChange } from "./storeChange";
export type { StoreUpdate } from "./storeChange";
export { checkSheetReportPart, checkSheets, checkSheetReports, checkWorkbook, gridSource, reportsOfParts } from "./checkSheets";
export type { ReportPart, SheetRange, SheetSource, StreamCheckOptions, WorkbookReports, WorkbookReportsOf } from "./checkSheets";
export { AS_OBJECTS, isPackedForm, PACKED, packedFormJson, packForm, packingOf } from "./packedReport";
export type { PackedForm, ReportPacking } from "./packedReport";
