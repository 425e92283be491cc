/** The Excel edge: the only code (with src/commands and src/taskpane/index.tsx) that talks to Office.js. */
export { readActiveSheet, queueActiveSheetRead } from "./readActiveSheet";
export type { SheetRead } from "./readActiveSheet";
export { applyPlan } from "./applyPlan";
export type { ApplyOptions, ApplyResult } from "./applyPlan";
export { clearHighlights } from "./clearHighlights";
export { undoLastWrite } from "./undoLastWrite";
export { validateAndScoreSheet } from "./validateAndScore";
export type { ValidateOptions, ValidateResult } from "./validateAndScore";
export { writeSheetSpec, addTemplateSheet, uniqueSheetName } from "./writeSheetSpec";
export type { TemplateKind, TemplateResult } from "./writeSheetSpec";
export { selectCell } from "./selectCell";
export { loadProfileSetting, saveProfileSetting } from "./profileSetting";
export { detectCapabilities, ALL_CAPABILITIES } from "./capabilities";
export type { ExcelCapabilities } from "./capabilities";
export { FAILURE_MESSAGES, failure, hostFailure, withHostFailures } from "./failures";
export type { ExcelFailure, ExcelFailureCode } from "./failures";
export { ownHighlights, loadHighlightRules, queueHighlight } from "./highlights";
export { createExcelHost } from "./excelHost";
