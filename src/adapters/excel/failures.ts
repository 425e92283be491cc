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
  | "SHEET_TOO_LARGE"
  | "API_NOT_SUPPORTED"
  | "PROFILE_INVALID"
  | "WRITE_ROLLED_BACK"
  | "WRITE_INCOMPLETE"
  | "TEMPLATE_FAILED"
  | "STORE_REFUSED";

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
  SHEET_TOO_LARGE: "工作表中有内容的区域过大，超出 Excel 一次可读取的范围，未写入任何内容。请删除表格以外多余的内容后再试。",
  API_NOT_SUPPORTED: "此版本的 Excel 不支持该功能，请使用 Microsoft 365、Excel 2021 或更新版本，或网页版 Excel。",
  PROFILE_INVALID: "工作簿中保存的评分方案无法使用，请在面板中重新选择评分方案。",
  WRITE_ROLLED_BACK: "写入时 Excel 报错，已恢复原状，未写入任何内容。请再试一次。",
  WRITE_INCOMPLETE: "写入时 Excel 报错，且未能完全恢复原状。已保存撤销信息，请点击“撤销上次写入”恢复。",
  TEMPLATE_FAILED: "新建工作表时 Excel 报错，未做任何改动。",
  STORE_REFUSED: "未能保存到工作簿，未做任何改动。",
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

/** The Office.js error code of an error (Excel.ErrorCodes), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** A workbook condition that makes every further round trip fail too (editing a cell, protection): stop at once. */
export function isBlocking(error: unknown): boolean {
  const f = hostFailure(error)?.code;
  return f === "CELL_EDIT_MODE" || f === "ACCESS_DENIED" || f === "API_NOT_SUPPORTED";
}

/** Excel on the web's 5 MB limit on a request or a response. */
export function isPayloadLimit(error: unknown): boolean {
  return hostFailure(error)?.code === "PAYLOAD_TOO_LARGE";
}

/** What went wrong, in a clause for a Chinese message: the mapped reason, or Excel's own code and text. */
export function errorReason(error: unknown): string {
  const mapped = hostFailure(error);
  if (mapped) return mapped.message;
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code ? `Excel 返回 ${code}：${message}` : message;
}

/** The failure for a known Office.js error, or null for anything else. */
export function hostFailure(error: unknown): ExcelFailure | null {
  const code = errorCode(error);
  const mapped = code !== undefined && Object.prototype.hasOwnProperty.call(HOST_ERROR_CODES, code) ? HOST_ERROR_CODES[code] : undefined;
  return mapped ? failure(mapped) : null;
}

/**
 * A known workbook condition met by a host call that has no result to carry a failure in (the profile setting):
 * rejected with the Chinese message, and the failure's code for whoever wants to tell it apart.
 */
export class HostFailureError extends Error {
  constructor(readonly failure: ExcelFailure) {
    super(failure.message);
    this.name = "HostFailureError";
  }
}

/** Run an Excel operation that returns no failure of its own: known host conditions reject as HostFailureError. */
export async function rejectingHostFailures<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const f = hostFailure(e);
    if (f) throw new HostFailureError(f);
    throw e;
  }
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
