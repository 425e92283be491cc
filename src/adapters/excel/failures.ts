/**
 * Expected reasons an Excel operation does nothing, as results with a Chinese message (style-anchors §12).
 * Anything else is a bug or an unknown host error and is rethrown, never swallowed.
 */
export type ExcelFailureCode =
  | "SHEET_PROTECTED"
  | "CELL_EDIT_MODE"
  | "ACCESS_DENIED"
  | "FORM_NOT_FOUND"
  | "NOTHING_TO_UNDO"
  | "SHEET_NOT_FOUND"
  | "PAYLOAD_TOO_LARGE"
  | "API_NOT_SUPPORTED"
  | "PROFILE_INVALID";

export interface ExcelFailure {
  readonly ok: false;
  readonly code: ExcelFailureCode;
  readonly message: string;
}

export const FAILURE_MESSAGES: Record<ExcelFailureCode, string> = {
  SHEET_PROTECTED: "当前工作表受保护，未写入任何内容。请先在“审阅 → 撤销工作表保护”后再试。",
  CELL_EDIT_MODE: "Excel 正处于单元格编辑状态，未写入任何内容。请按 Enter 或 Esc 结束编辑后再试。",
  ACCESS_DENIED: "Excel 拒绝了写入（工作表或工作簿可能受保护、只读或正被他人编辑），未写入任何内容。",
  FORM_NOT_FOUND: "当前工作表中没有找到项目支出绩效自评表（未找到“项目名称”“项目资金”“一级指标”等标签），未写入任何内容。",
  NOTHING_TO_UNDO: "没有可撤销的写入。",
  SHEET_NOT_FOUND: "上次写入的工作表已不存在（可能已被删除或改名），无法撤销。",
  PAYLOAD_TOO_LARGE: "工作表内容过多，超出 Excel 单次传输的上限，未写入任何内容。请删除多余的行列后再试。",
  API_NOT_SUPPORTED: "此版本的 Excel 不支持该功能，请升级到 Excel 2019 或更高版本（或使用网页版 Excel）。",
  PROFILE_INVALID: "工作簿中保存的评分方案无法使用，请在面板中重新选择评分方案。",
};

export function failure(code: ExcelFailureCode, message: string = FAILURE_MESSAGES[code]): ExcelFailure {
  return { ok: false, code, message };
}

/** Office.js error codes (Excel.ErrorCodes) that are conditions of the workbook, not bugs. */
const HOST_ERROR_CODES: Record<string, ExcelFailureCode> = {
  InvalidOperationInCellEditMode: "CELL_EDIT_MODE",
  AccessDenied: "ACCESS_DENIED",
  RequestPayloadSizeLimitExceeded: "PAYLOAD_TOO_LARGE",
  ResponsePayloadSizeLimitExceeded: "PAYLOAD_TOO_LARGE",
  ApiNotFound: "API_NOT_SUPPORTED",
};

/** The failure for a known Office.js error, or null for anything else. */
export function hostFailure(error: unknown): ExcelFailure | null {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const mapped = typeof code === "string" ? HOST_ERROR_CODES[code] : undefined;
  return mapped ? failure(mapped) : null;
}

/** Run an Excel operation; known host conditions become failures, everything else propagates. */
export async function withHostFailures<T>(run: () => Promise<T>): Promise<T | ExcelFailure> {
  try {
    return await run();
  } catch (e) {
    const f = hostFailure(e);
    if (f) return f;
    throw e;
  }
}
