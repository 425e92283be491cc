import { applyStoreChange, type FileCheckOutcome, type FileHost, type HostFailure, type HostResult } from "../app";
import { isDeclaration, resolveProfile } from "../engine";
import { CheckService, createCheckService, scoredName } from "./checkService";
import { type FromCheckWorker, outcomeGatherer, type ToCheckWorker } from "./checkWorkerProtocol";
import { fileRefusal, unreadableMessage } from "./fileMessages";

export { scoredName };

const PROFILE_KEY = "ziping.profile";
/** The sample form (示例): the 11 forms of Putuo's 2023 self-evaluation, as published, in one workbook. */
export const SAMPLE_URL = "samples/seed-forms-2023.xlsx";
export const SAMPLE_NAME = "示例：普陀区 2023 年 11 张自评表.xlsx";
const SAMPLE_MISSING: HostFailure = { ok: false, code: "SAMPLE_MISSING", message: "没有找到随助手附带的示例文件（安装时可能漏掉了 samples 文件夹）。可以直接选择一份自己的 .xlsx 自评表。" };
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What the pane needs of its check worker (a Worker; a fake in tests). */
export type CheckWorker = Pick<Worker, "postMessage" | "terminate"> & {
  addEventListener(type: "message", listener: (e: MessageEvent<FromCheckWorker>) => void): void;
  addEventListener(type: "error", listener: (e: ErrorEvent) => void): void;
};

export interface FileHostDeps {
  readonly storage?: Pick<Storage, "getItem" | "setItem">;
  readonly document?: Document;
  /** The time a decision is taken (忽略); the clock by default. */
  readonly now?: () => Date;
  /**
   * Starts the check worker (index.tsx gives spawnCheckWorker), started on the first check and kept. Without one the
   * check runs on the page (tests under jsdom): the same service, the same answers.
   */
  readonly startWorker?: () => CheckWorker;
  /** How the sample is fetched (the page's fetch by default). */
  readonly fetch?: (url: string) => Promise<Pick<Response, "ok" | "arrayBuffer">>;
}

const WORKER_FAILED: HostFailure = { ok: false, code: "INTERNAL", message: "校验时出现内部错误（可能是文件太大，浏览器内存不足），请关闭其他网页后重新选择文件再试。" };

/**
 * The check service behind a worker: each call a message, each answer matched by its number. Where no worker can be
 * started (a browser or policy that refuses it), the checks run on the page instead — slower to respond, never absent.
 */
function workerService(start: () => CheckWorker): CheckService {
  let onPage: CheckService | null = null;
  let worker: CheckWorker | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (m: FromCheckWorker) => void; onProgress?: (done: number, total: number) => void; gathered: ReturnType<typeof outcomeGatherer> }>();
  const listen = (w: CheckWorker): CheckWorker => {
    w.addEventListener("message", (e) => {
      const wait = waiting.get(e.data.id);
      if (!wait) return;
      if (e.data.type === "progress") wait.onProgress?.(e.data.done, e.data.total);
      else if (e.data.type === "sheets") wait.gathered.sheets(e.data.sheets);
      else {
        waiting.delete(e.data.id);
        wait.resolve(e.data.type === "checked" ? { ...e.data, result: wait.gathered.checked(e.data.result) } : e.data);
      }
    });
    // a worker that died (out of memory): every question is answered with a failure, the next check starts anew
    w.addEventListener("error", () => {
      worker = null;
      for (const [id, wait] of waiting) wait.resolve({ type: "checked", id, result: WORKER_FAILED });
      waiting.clear();
      w.terminate();
    });
    return w;
  };
  const ask = (w: CheckWorker, m: ToCheckWorker, onProgress?: (done: number, total: number) => void): Promise<FromCheckWorker> =>
    new Promise((resolve) => {
      waiting.set(m.id, { resolve, gathered: outcomeGatherer(), ...(onProgress ? { onProgress } : {}) });
      // the file's bytes are copied, not transferred: the page keeps them for a re-check and next year's template
      w.postMessage(m);
    });
  /** The worker, started on first use (and again after one died); null when none can be, then the page checks. */
  const ready = (): CheckWorker | null => {
    if (!worker && !onPage) {
      try {
        worker = listen(start());
      } catch {
        onPage = createCheckService();
      }
    }
    return worker;
  };
  return {
    async check(check, file, profileId, onProgress, preferStoredProfile = false) {
      const w = ready();
      if (!w) return onPage!.check(check, file, profileId, onProgress, preferStoredProfile);
      const answer = await ask(w, { type: "check", id: next++, check, name: file.name, bytes: file.bytes, profileId, preferStoredProfile }, onProgress);
      return answer.type === "checked" ? answer.result : WORKER_FAILED;
    },
    async scoredCopy(check) {
      const w = ready();
      if (!w) return onPage!.scoredCopy(check);
      const answer = await ask(w, { type: "scoredCopy", id: next++, check });
      return answer.type === "scoredCopy" ? answer.result : WORKER_FAILED;
    },
  };
}

/**
 * The pane's host outside Office: an .xlsx chosen in the browser, 校验并计分 by the same engine through the .xlsx
 * adapter in the pane's check worker (the reader and engine, loaded with it; exceljs only once a template or a scored
 * copy is made), the scored copy made when 下载 is pressed and offered as a download. Nothing leaves the browser.
 */
export function createFileHost(deps: FileHostDeps = {}): FileHost {
  const storage = deps.storage ?? (typeof localStorage !== "undefined" ? localStorage : undefined);
  /** The .xlsx edge for templates, loaded on first use so the pane's first load stays small. */
  const files = () => import(/* webpackChunkName: "xlsx" */ "../adapters/xlsx/files");
  const service = deps.startWorker ? workerService(deps.startWorker) : createCheckService();
  let checks = 0;
  return {
    kind: "file",
    async checkFile(file, profileId, options = {}): Promise<HostResult<FileCheckOutcome>> {
      const check = ++checks;
      const r = await service.check(check, file, profileId, options.onProgress, options.preferStoredProfile ?? false);
      if (!r.ok) return r;
      return { ...r, scored: { name: r.scored.name, bytes: () => service.scoredCopy(check) } };
    },
    async makeTemplate(kind, profileId, file, sheet) {
      const resolved = resolveProfile(profileId);
      if (!resolved.ok) return { ok: false, code: "PROFILE_INVALID", message: resolved.message };
      const { newTemplateFile, nextYearTemplateFile } = await files();
      if (kind === "new" || kind === "department") {
        const made = await newTemplateFile(resolved.profile, { kind: kind === "department" ? "department" : "project" });
        const what = kind === "department" ? "部门整体支出绩效自评表" : "自评表";
        return made.ok ? { ok: true, name: `${what}（${made.year} 年度，新${kind === "department" ? "部门" : "项目"}）.xlsx`, bytes: made.bytes, year: made.year } : made;
      }
      if (!file) return { ok: false, code: "NO_FILE", message: "请先选择今年的自评表文件，再生成下年度模板。" };
      const refused = fileRefusal(file.name, file.bytes);
      if (refused) return { ok: false, code: "FILE_UNREADABLE", message: refused };
      const made = await nextYearTemplateFile(file.bytes, resolved.profile, sheet !== undefined ? { sheet } : {});
      if (!made.ok) return { ok: false, code: made.code, message: made.code === "FILE_UNREADABLE" ? unreadableMessage(file.name, file.bytes) : made.message };
      const declared = made.fromKind !== undefined && isDeclaration(made.fromKind);
      if (kind === "fromDeclaration" && !declared) return { ok: false, code: "FORM_NOT_FOUND", message: `“${file.name}”${sheet ? `的工作表“${sheet}”` : ""}不是绩效目标申报表，无法从中生成自评表；请选择项目的申报表文件。` };
      const base = file.name.replace(/\.xlsx$/i, "");
      return { ok: true, name: declared ? `${base}（${made.year} 年度自评表）.xlsx` : `${base}（${made.year} 年度模板）.xlsx`, bytes: made.bytes, year: made.year };
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
    async loadSample() {
      // bundled with the pane (webpack copies samples/ into the build), fetched from the pane's own site: offline too
      try {
        const res = await (deps.fetch ?? fetch)(SAMPLE_URL);
        if (!res.ok) return SAMPLE_MISSING;
        return { ok: true, name: SAMPLE_NAME, bytes: new Uint8Array(await res.arrayBuffer()) };
      } catch {
        return SAMPLE_MISSING;
      }
    },
    loadProfileId: async () => storage?.getItem(PROFILE_KEY) ?? null,
    saveProfileId: async (id) => storage?.setItem(PROFILE_KEY, id),
  };
}
