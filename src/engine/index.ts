/**
 * The engine's public surface. Adapters (Excel, .xlsx, the CLI, the task pane) call these and
 * never the stages behind them. Host-free: no Office.js, no DOM, no Node I/O.
 */
export { analyzeSheet } from "./analyze/analyzeSheet";
export { crossFormFindings, formFingerprint } from "./findings/checks/crossFormChecks";
export type { FormAmongOthers, FormFingerprint } from "./findings/checks/crossFormChecks";
export type { SheetAnalysis, FormAnalysis, AnalyzeOptions } from "./analyze/analyzeSheet";
export { DEFAULT_VOCABULARY, withTaughtLabels } from "./vocabulary/fields";
export type { FormVocabulary, TaughtLabel } from "./vocabulary/fields";
export { labelCore } from "./vocabulary/match";
export type { ScoredForm, ScoredIndicator, ScoredFunds } from "./score/scoreForm";
export { buildWritePlan, planConflicts, highlightsFor } from "./plan/buildWritePlan";
export type { WritePlan, CellWrite, Highlight, CellSnapshot, WritePlanOptions, WriteKind } from "./plan/buildWritePlan";
export { planMarks } from "./plan/planMarks";
export type { PlanMark } from "./plan/planMarks";
export { sheetReport, findingReport, countBySeverity } from "./report/sheetReport";
export { verdictText } from "./report/verdictText";
export { FORM_KIND_NAMES, formKindSentence } from "./report/formKindText";
export { isDeclaration } from "./locate/layout";
export type { FormKind } from "./locate/layout";
export type { SheetReport, SheetReportOf, FormReport, FindingReport, ValuePair, SeverityCounts, LayoutReport } from "./report/sheetReport";
export { orderFindings, findingPosition, SEVERITY_ORDER } from "./report/orderFindings";
export { createGrid, gridFromArray, cellKey, rawCell, anchorOf, GridCells, gridOfCells } from "./grid/grid";
export type { Grid, Cell, CellValue, MergeArea, GridInput } from "./grid/grid";
export { cellRef, toA1, parseA1, colName, sameCell } from "./grid/cellRef";
export { rangeA1, areaOfRange, parseAreas } from "./grid/areas";
export { HIGHLIGHT_RGB, HIGHLIGHT_MEANING, HIGHLIGHT_TAG, highlightHex, highlightArgb, highlightRuleFormula, isOwnHighlightRule } from "./highlight/highlight";
export type { HighlightKind } from "./highlight/highlight";
export type { CellRef } from "./grid/cellRef";
export { FINDING_CODES, ALL_CODES } from "./findings/codes";
export type { Finding, FindingCode, Severity, FormPart, Acceptance } from "./findings/codes";
export { subjectOf, findingKey } from "./findings/subject";
export { PROFILES, DEFAULT_PROFILE_ID, getProfile, customizeProfile } from "./profiles/profile";
export { resolveProfile } from "./profiles/resolveProfile";
export type { ProfileSource, ProfileResolution } from "./profiles/resolveProfile";
export type { Profile, Grade } from "./profiles/profile";
export { specToGrid } from "./sheet/sheetSpec";
export type { SheetSpec, SpecCell, CellStyle, DataValidationSpec } from "./sheet/sheetSpec";
export { newTemplateSpec, nextYearTemplateSpec, defaultIndicators, splitWeight, LEVEL2_BY_LEVEL1, DEFAULT_SHEET_NAME, DEFAULT_TITLE, declarationTemplateSpec, departmentTemplateSpec, DEPARTMENT_TITLE } from "./template";
export type { NextYearTemplate } from "./template";
