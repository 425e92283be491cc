import { checkWorkbook, WrittenCell } from "../../app";
import { resolveProfile, SheetReport } from "../../engine";
import { applyPlan } from "./applyPlan";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { failure, ExcelFailure } from "./failures";
import { readActiveSheet, readContextSheets } from "./readActiveSheet";

export interface ValidateOptions {
  /** Write the computed values (the ribbon command and 写入计算结果); otherwise only highlight. */
  readonly write: boolean;
  /** The profile to score with; default: the one stored with the workbook, else putuo-2023. */
  readonly profileId?: string;
  readonly capabilities?: ExcelCapabilities;
}

export type ValidateResult =
  | {
      readonly ok: true;
      readonly report: SheetReport;
      readonly profileId: string;
      readonly written: number;
      readonly pending: number;
      readonly highlighted: number;
      readonly writes: readonly WrittenCell[];
    }
  | (ExcelFailure & { readonly report?: SheetReport });

/**
 * 校验并计分 on the active sheet: read it (one sync; the other sheets' values in a second one when the workbook has
 * more, for the checks across forms) → src/app's checkWorkbook → apply its write plan (one sync, none when there is
 * nothing to change). Not a form or a protected sheet: a failure with the report and zero writes.
 */
export async function validateAndScoreSheet(context: Excel.RequestContext, options: ValidateOptions): Promise<ValidateResult> {
  const capabilities = options.capabilities ?? detectCapabilities();
  const read = await readActiveSheet(context, capabilities);
  const resolved = resolveProfile(options.profileId ?? read.profileId);
  if (!resolved.ok) return failure("PROFILE_INVALID", `${resolved.message}。请在面板中重新选择评分方案。`);
  const context_ = await readContextSheets(context, read.sheetNames.filter((n) => n !== read.grid.sheet));
  const result = checkWorkbook([read.grid, ...context_], resolved.profile, { sheets: [read.grid.sheet] });
  const { report, plan, writes } = result.sheets[0];
  if (!plan) return { ...failure("FORM_NOT_FOUND"), report };
  const applied = await applyPlan(context, read, plan, { values: options.write });
  if (!applied.ok) return { ...applied, report };
  return {
    ok: true,
    report,
    profileId: resolved.profile.id,
    written: applied.written,
    pending: options.write ? 0 : plan.writes.length,
    highlighted: applied.highlighted,
    writes,
  };
}
