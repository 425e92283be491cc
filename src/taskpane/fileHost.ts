import { applyStoreChange, formDetails, type FileHost } from "../app";
import { resolveProfile } from "../engine";
import { fileRefusal, notAFormMessage, unreadableMessage } from "./fileMessages";

const PROFILE_KEY = "ziping.profile";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "自评表.xlsx" → "自评表（已计分）.xlsx"; a macro workbook's copy keeps its macros, so it stays .xlsm. */
export function scoredName(name: string, macroEnabled = false): string {
  const base = name.replace(/\.(xlsx|xlsm)$/i, "");
  return `${base}（已计分）${macroEnabled ? ".xlsm" : ".xlsx"}`;
}

export interface FileHostDeps {
  readonly storage?: Pick<Storage, "getItem" | "setItem">;
  readonly document?: Document;
  /** The time a decision is taken (忽略); the clock by default. */
  readonly now?: () => Date;
}

/**
 * The pane's host outside Office: an .xlsx chosen in the browser, 校验并计分 by the same engine through the
 * .xlsx adapter (exceljs, loaded on first use so the pane's first load stays small), the scored copy offered
 * as a download. Nothing leaves the browser.
 */
export function createFileHost(deps: FileHostDeps = {}): FileHost {
  const storage = deps.storage ?? (typeof localStorage !== "undefined" ? localStorage : undefined);
  /** exceljs and the .xlsx edge, loaded on first use so the pane's first load stays small. */
  const files = () => import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/files");
  return {
    kind: "file",
    async checkFile(file, profileId) {
      const resolved = resolveProfile(profileId);
      if (!resolved.ok) return { ok: false, code: "PROFILE_INVALID", message: resolved.message };
      const refused = fileRefusal(file.name, file.bytes);
      if (refused) return { ok: false, code: "FILE_UNREADABLE", message: refused };
      const fixed = await (await files()).fixFile(file.bytes, resolved.profile);
      // the reader's reason (often a library's English) is replaced by one an accountant can act on
      if (!fixed.ok) return { ok: false, code: fixed.code, message: fixed.code === "FILE_UNREADABLE" ? unreadableMessage(file.name, file.bytes) : fixed.message };
      const sheets = fixed.result.sheets;
      const reports = sheets.map((x) => x.report);
      const first = reports.find((r) => r.isForm);
      if (!first) return { ok: false, code: "FORM_NOT_FOUND", message: notAFormMessage(file.name, sheets), report: reports[0] };
      return {
        ok: true,
        report: first,
        reports,
        profileId: resolved.profile.id,
        written: fixed.written,
        pending: 0,
        highlighted: fixed.highlighted,
        writes: sheets.flatMap((x) => x.writes),
        cellText: Object.fromEntries(sheets.map((x) => [x.report.sheet, x.cellText])),
        details: Object.fromEntries(sheets.map((x) => [x.report.sheet, formDetails(x.analysis)])),
        scored: { name: scoredName(file.name, fixed.macroEnabled), bytes: fixed.bytes },
      };
    },
    async makeTemplate(kind, profileId, file, sheet) {
      const resolved = resolveProfile(profileId);
      if (!resolved.ok) return { ok: false, code: "PROFILE_INVALID", message: resolved.message };
      const { newTemplateFile, nextYearTemplateFile } = await files();
      if (kind === "new") {
        const made = await newTemplateFile(resolved.profile);
        return made.ok ? { ok: true, name: `自评表（${made.year} 年度，新项目）.xlsx`, bytes: made.bytes, year: made.year } : made;
      }
      if (!file) return { ok: false, code: "NO_FILE", message: "请先选择今年的自评表文件，再生成下年度模板。" };
      const refused = fileRefusal(file.name, file.bytes);
      if (refused) return { ok: false, code: "FILE_UNREADABLE", message: refused };
      const made = await nextYearTemplateFile(file.bytes, resolved.profile, sheet !== undefined ? { sheet } : {});
      if (!made.ok) return { ok: false, code: made.code, message: made.code === "FILE_UNREADABLE" ? unreadableMessage(file.name, file.bytes) : made.message };
      return { ok: true, name: `${file.name.replace(/\.xlsx$/i, "")}（${made.year} 年度模板）.xlsx`, bytes: made.bytes, year: made.year };
    },
    async updateStore(file, change) {
      const refused = fileRefusal(file.name, file.bytes);
      if (refused) return { ok: false, code: "FILE_UNREADABLE", message: refused };
      // the decision goes into the file's own store sheet: the re-check reads it, the scored copy and `ziping` keep it
      const changed = await (await files()).changeStore(file.bytes, applyStoreChange(change, (deps.now?.() ?? new Date()).toISOString()));
      if (!changed.ok) return { ok: false, code: changed.code, message: changed.code === "FILE_UNREADABLE" ? unreadableMessage(file.name, file.bytes) : changed.message };
      return { ok: true, bytes: changed.bytes, store: changed.store };
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
