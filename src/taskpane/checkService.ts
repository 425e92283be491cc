import { CheckedFileOutcome, formDetails, HostResult, planTotals } from "../app";
import { checkForCopy, CheckedForCopy, isMacroEnabled, scoredCopyOf } from "../adapters/xlsx/files";
import { resolveProfile } from "../engine";
import { fileRefusal, notAFormMessage, unreadableMessage } from "./fileMessages";

/** "自评表.xlsx" → "自评表（已计分）.xlsx"; a macro workbook's copy keeps its macros, so it stays .xlsm. */
export function scoredName(name: string, macroEnabled = false): string {
  const base = name.replace(/\.(xlsx|xlsm)$/i, "");
  return `${base}（已计分）${macroEnabled ? ".xlsm" : ".xlsx"}`;
}

/**
 * What file mode does with a chosen .xlsx, wherever it runs: in the pane's Web Worker (checkWorker.ts), so the page
 * never freezes, or on the page itself where there is no worker (tests). 校验并计分 reads and checks every sheet,
 * telling its progress; the scored copy is made only when asked for (下载), from the check kept here — the last one
 * only, so a workbook's analyses are let go once another check is made.
 */
export interface CheckService {
  check(
    check: number,
    file: { readonly name: string; readonly bytes: Uint8Array },
    profileId: string,
    onProgress?: (done: number, total: number) => void,
    preferStoredProfile?: boolean,
  ): Promise<HostResult<CheckedFileOutcome>>;
  /** The scored copy of a check (by its number); refused when a later check replaced it. */
  scoredCopy(check: number): Promise<HostResult<{ readonly bytes: Uint8Array }>>;
}

export function createCheckService(): CheckService {
  let kept: { readonly check: number; readonly checked: CheckedForCopy; readonly name: string; readonly profile: string } | null = null;
  return {
    async check(check, file, profileId, onProgress, preferStoredProfile = false) {
      kept = null;
      const resolved = resolveProfile(profileId);
      if (!resolved.ok) return { ok: false, code: "PROFILE_INVALID", message: resolved.message };
      const refused = fileRefusal(file.name, file.bytes);
      if (refused) return { ok: false, code: "FILE_UNREADABLE", message: refused };
      const checked = checkForCopy(file.bytes, resolved.profile, { preferStoredProfile, ...(onProgress ? { onProgress } : {}) });
      // the reader's reason (often a library's English) is replaced by one an accountant can act on
      if (!checked.ok) return { ok: false, code: checked.code, message: checked.code === "FILE_UNREADABLE" ? unreadableMessage(file.name, file.bytes) : checked.message };
      const sheets = checked.result.sheets;
      const reports = sheets.map((x) => x.report);
      const first = reports.find((r) => r.isForm);
      if (!first) return { ok: false, code: "FORM_NOT_FOUND", message: notAFormMessage(file.name, sheets), report: reports[0] };
      const totals = planTotals(checked.result);
      const name = scoredName(file.name, isMacroEnabled(checked.source));
      // the 评分方案 the numbers were computed with, as the pane and the store name it: the workbook's own (an id or a
      // profile document) when it was used, else the one asked for
      const fromWorkbook = checked.profileChoice.from === "workbook" && checked.result.store.profile !== null;
      const profile = fromWorkbook ? checked.result.store.profile! : profileId;
      kept = { check, checked, name, profile };
      return {
        ok: true,
        report: first,
        reports,
        profileId: profile,
        profileFrom: fromWorkbook ? "workbook" : "given",
        ...(checked.profileChoice.note ? { notes: [checked.profileChoice.note] } : {}),
        written: totals.writes,
        pending: 0,
        highlighted: totals.highlights,
        writes: sheets.flatMap((x) => x.writes),
        cellText: Object.fromEntries(sheets.map((x) => [x.report.sheet, x.cellText])),
        details: Object.fromEntries(sheets.map((x) => [x.report.sheet, formDetails(x.analysis)])),
        scored: { name },
      };
    },
    async scoredCopy(check) {
      if (!kept || kept.check !== check) return { ok: false, code: "STALE", message: "这份结果已不是最近一次校验的结果，请重新校验后再下载。" };
      // every scored copy keeps the 评分方案 it was scored with, so whoever checks it again (ziping, another browser,
      // Excel) gets the same numbers (written into the store only when the workbook keeps another or none)
      const copy = await scoredCopyOf(kept.checked, { recordProfile: kept.profile });
      return copy.ok ? { ok: true, bytes: copy.bytes } : copy;
    },
  };
}
