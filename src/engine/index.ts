/**
 * The engine's public surface. Adapters (Excel, .xlsx, the CLI, the task pane) call these and
 * never the stages behind them. Host-free: no Office.js, no DOM, no Node I/O.
 */
export { analyzeSheet, analyzeWorkbook } from "./analyze/analyzeSheet";
export type { SheetAnalysis } from "./analyze/analyzeSheet";
export type { ScoredForm, ScoredIndicator, ScoredFunds } from "./score/scoreForm";
export { buildWritePlan, planConflicts, highlightsFor } from "./plan/buildWritePlan";
export type { WritePlan, CellWrite, Highlight, CellSnapshot, WritePlanOptions, WriteKind } from "./plan/buildWritePlan";
export { sheetReport, findingReport } from "./report/sheetReport";
export type { SheetReport, FormReport, FindingReport, ValuePair } from "./report/sheetReport";
export { createGrid, gridFromArray, cellKey } from "./grid/grid";
export type { Grid, Cell, CellValue, MergeArea, GridInput } from "./grid/grid";
export { cellRef, toA1, parseA1, colName, sameCell } from "./grid/cellRef";
export type { CellRef } from "./grid/cellRef";
export { FINDING_CODES, ALL_CODES } from "./findings/codes";
export type { Finding, FindingCode, Severity, FormPart } from "./findings/codes";
export { PROFILES, DEFAULT_PROFILE_ID, getProfile, customizeProfile } from "./profiles/profile";
export type { Profile, Grade } from "./profiles/profile";
