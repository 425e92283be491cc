import { getProfile, DEFAULT_PROFILE_ID } from "../engine";
import { newTemplateSpec } from "../engine/template/newTemplate";
import type { FileHost } from "./host";

const PROFILE_KEY = "ziping.profile";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "自评表.xlsx" → "自评表（已计分）.xlsx". */
export function scoredName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}（已计分）.xlsx`;
}

export interface FileHostDeps {
  readonly storage?: Pick<Storage, "getItem" | "setItem">;
  readonly document?: Document;
}

/**
 * The pane's host outside Office: an .xlsx chosen in the browser, 校验并计分 by the same engine through the
 * .xlsx adapter (exceljs, loaded on first use so the pane's first load stays small), the scored copy offered
 * as a download. Nothing leaves the browser.
 */
export function createFileHost(deps: FileHostDeps = {}): FileHost {
  const storage = deps.storage ?? (typeof localStorage !== "undefined" ? localStorage : undefined);
  return {
    kind: "file",
    async checkFile(file, profileId) {
      const { fixWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/checkWorkbook");
      const profile = getProfile(profileId) ?? getProfile(DEFAULT_PROFILE_ID)!;
      const fixed = await fixWorkbook(file.bytes, { profile });
      if (!fixed.ok) return { ok: false, code: fixed.code, message: fixed.message };
      const first = fixed.reports.find((r) => r.isForm);
      if (!first) {
        return { ok: false, code: "FORM_NOT_FOUND", message: "文件中没有找到项目支出绩效自评表（未找到“项目名称”“项目资金”“一级指标”等标签）。", report: fixed.reports[0] };
      }
      return {
        ok: true,
        report: first,
        reports: fixed.reports,
        written: fixed.plans.reduce((n, p) => n + p.writes.length, 0),
        pending: 0,
        highlighted: fixed.plans.reduce((n, p) => n + p.highlights.length, 0),
        scored: { name: scoredName(file.name), bytes: fixed.bytes },
      };
    },
    async makeTemplate(kind, profileId, file) {
      const { templateBytes, nextYearFromWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/templateWorkbook");
      const profile = getProfile(profileId) ?? getProfile(DEFAULT_PROFILE_ID)!;
      if (kind === "new") {
        const year = new Date().getFullYear();
        return { ok: true, name: `自评表（${year} 年度，新项目）.xlsx`, bytes: await templateBytes(newTemplateSpec(profile, { year })), year };
      }
      if (!file) return { ok: false, code: "NO_FILE", message: "请先选择今年的自评表文件，再生成下年度模板。" };
      const made = await nextYearFromWorkbook(file.bytes, undefined, profile);
      if (!made.ok) return { ok: false, code: "FORM_NOT_FOUND", message: made.message };
      return { ok: true, name: `${file.name.replace(/\.xlsx$/i, "")}（${made.year} 年度模板）.xlsx`, bytes: await templateBytes(made.spec), year: made.year };
    },
    download(name, bytes) {
      const doc = deps.document ?? document;
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      const a = doc.createElement("a");
      a.href = url;
      a.download = name;
      doc.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
    },
    loadProfileId: async () => storage?.getItem(PROFILE_KEY) ?? null,
    saveProfileId: async (id) => storage?.setItem(PROFILE_KEY, id),
  };
}
