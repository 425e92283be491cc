import { analyzeSheet, buildWritePlan, DEFAULT_PROFILE_ID, getProfile, Profile, sheetReport, SheetReport } from "../../engine";
import { applyPlan } from "./applyPlan";
import { detectCapabilities, ExcelCapabilities } from "./capabilities";
import { failure, ExcelFailure } from "./failures";
import { readActiveSheet } from "./readActiveSheet";

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
    }
  | (ExcelFailure & { readonly report?: SheetReport });

function resolveProfile(...ids: (string | null | undefined)[]): Profile {
  for (const id of ids) {
    const p = id ? getProfile(id) : undefined;
    if (p) return p;
  }
  return getProfile(DEFAULT_PROFILE_ID)!;
}

/**
 * 校验并计分 on the active sheet: read (one sync) → engine → write plan → apply (one sync, none when there is
 * nothing to change). Not a form or a protected sheet: a failure with the report and zero writes.
 */
export async function validateAndScoreSheet(context: Excel.RequestContext, options: ValidateOptions): Promise<ValidateResult> {
  const capabilities = options.capabilities ?? detectCapabilities();
  const read = await readActiveSheet(context, capabilities);
  const profile = resolveProfile(options.profileId, read.profileId);
  const analysis = analyzeSheet(read.grid, profile);
  const report = sheetReport(analysis);
  if (!analysis.form) return { ...failure("FORM_NOT_FOUND"), report };
  const plan = buildWritePlan(analysis.form, read.grid, analysis.findings);
  const applied = await applyPlan(context, read, plan, { values: options.write });
  if (!applied.ok) return { ...applied, report };
  return {
    ok: true,
    report,
    profileId: profile.id,
    written: applied.written,
    pending: options.write ? 0 : plan.writes.length,
    highlighted: applied.highlighted,
  };
}
