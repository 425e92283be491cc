import { CellRef } from "../grid/cellRef";
import { Finding, FINDING_CODES, FindingCode, FindingParams, Severity } from "./codes";
import { MESSAGES_ZH_CN } from "./messages.zh-CN";

/** The one way to build a finding: severity and part from the code table, message from the message table. */
export function makeFinding(
  code: FindingCode,
  cells: readonly (CellRef | undefined)[],
  params: FindingParams = {},
  options: { severity?: Severity; calculation?: string } = {},
): Finding {
  const spec = FINDING_CODES[code];
  return {
    code,
    severity: options.severity ?? spec.severity,
    part: spec.part,
    cells: cells.filter((c): c is CellRef => c !== undefined),
    params,
    message: MESSAGES_ZH_CN[code](params),
    ...(options.calculation ? { calculation: options.calculation } : {}),
  };
}
