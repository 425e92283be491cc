import type { CheckedFileOutcome, HostResult } from "../app";
import type { CheckService } from "./checkService";

/**
 * The messages between the pane and its check worker (checkWorker.ts). Plain data: the outcome crosses by structured
 * clone; the scored copy's bytes are transferred, not copied.
 */
export type ToCheckWorker =
  | { readonly type: "check"; readonly id: number; readonly check: number; readonly name: string; readonly bytes: Uint8Array; readonly profileId: string; readonly preferStoredProfile?: boolean }
  | { readonly type: "scoredCopy"; readonly id: number; readonly check: number };

export type FromCheckWorker =
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: "checked"; readonly id: number; readonly result: HostResult<CheckedFileOutcome> }
  | { readonly type: "scoredCopy"; readonly id: number; readonly result: HostResult<{ readonly bytes: Uint8Array }> };

/** Progress more often than this is not drawn anyway: it would only keep the page busy. */
const PROGRESS_EVERY_MS = 100;

/**
 * The worker's side: each message answered through `post` (with what to transfer). Never throws: an unexpected error
 * is an answer too, so the pane never waits forever.
 */
export function serveCheckWorker(service: CheckService, post: (m: FromCheckWorker, transfer?: Transferable[]) => void, now: () => number = Date.now) {
  return async (m: ToCheckWorker): Promise<void> => {
    try {
      if (m.type === "check") {
        let last = -Infinity;
        const onProgress = (done: number, total: number) => {
          if (done < total && now() - last < PROGRESS_EVERY_MS) return;
          last = now();
          post({ type: "progress", id: m.id, done, total });
        };
        post({ type: "checked", id: m.id, result: await service.check(m.check, { name: m.name, bytes: m.bytes }, m.profileId, onProgress, m.preferStoredProfile ?? false) });
      } else {
        const result = await service.scoredCopy(m.check);
        post({ type: "scoredCopy", id: m.id, result }, result.ok ? [result.bytes.buffer as ArrayBuffer] : []);
      }
    } catch (e) {
      const result = { ok: false as const, code: "INTERNAL", message: `处理文件时出现内部错误（${e instanceof Error ? e.message : String(e)}），请重新选择文件后再试。` };
      post(m.type === "check" ? { type: "checked", id: m.id, result } : { type: "scoredCopy", id: m.id, result });
    }
  };
}
