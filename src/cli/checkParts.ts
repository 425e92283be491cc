import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ProfileChoice } from "../adapters/xlsx/files";
import { ReportPart, reportsOfParts } from "../app";
import { Profile } from "../engine";
import type { CheckedFile } from "./checkOneFile";
import { checkedFile } from "./checkOneFile";

/**
 * One large workbook checked by several worker threads (issue 12, "a many-sheet workbook"): each reads the file and
 * checks a contiguous part of its sheets under its share of the limits; the parts are put together in tab order
 * (reportsOfParts), and the checks across its forms run on all of them — the report is the one-thread report, byte
 * for byte (test/cli/checkParts.test.ts). Null when any part could not be done (a damaged sheet, a part past its
 * share, a store sheet to start again with): the caller then checks the workbook in one thread, which gives its
 * usual verdict.
 *
 * Worth it for large workbooks only: every worker reads the shared strings again and compiles the check afresh
 * (about 1.5 s of CPU), and the parts' reports are copied to this thread. Measured on the 2-core machine: 20,000
 * forms 26.3 → 20.8 s, peak RSS 0.8 → 1.2 GB; 2,000 forms no faster (README, "Speed and memory").
 */
export async function checkInParts(file: string, profile: Profile, profileChosen: boolean, workers: number, onProgress?: (done: number, total: number) => void): Promise<CheckedFile | null> {
  const script = join(__dirname, "checkPartWorker.js");
  if (!existsSync(script)) return null;
  // sheets done, and each part's count of sheets as it becomes known (with its first progress)
  let done = 0;
  const totals = new Array<number>(workers).fill(0);
  // once a part has failed the workbook is checked in one thread: the other parts are stopped, not waited for
  const running: Worker[] = [];
  const failed = () => {
    for (const w of running) void w.terminate();
    return null;
  };
  const parts = await Promise.all(
    Array.from(
      { length: workers },
      (_w, index) =>
        new Promise<{ part: ReportPart; profileChoice: ProfileChoice } | null>((resolve) => {
          const worker = new Worker(script, { workerData: { file, profile, preferStoredProfile: !profileChosen, index, of: workers } });
          running.push(worker);
          let settled = false;
          const settle = (result: { part: ReportPart; profileChoice: ProfileChoice } | null) => {
            if (settled) return;
            settled = true;
            resolve(result ?? failed());
          };
          worker.on("message", (m: PartMessage) => {
            if ("progress" in m) {
              totals[index] = m.total;
              onProgress?.((done += m.progress), totals.reduce((a, b) => a + b, 0));
            } else {
              settle("part" in m ? m : null);
              void worker.terminate();
            }
          });
          // an uncaught exception or ERR_WORKER_OUT_OF_MEMORY, or stopped because another part failed: not done
          // ("exit" also follows an answer, and is then nothing)
          worker.on("error", () => settle(null));
          worker.on("exit", () => settle(null));
        }),
    ),
  );
  const all = parts.filter((p) => p !== null);
  if (all.length < workers) return null;
  const checked = reportsOfParts(all.map((p) => p.part));
  // a workbook of our own sheets only (an earlier 汇总): checkOneFile says so
  if (checked.reports.length === 0) return null;
  return checkedFile(file, checked, all[0].profileChoice, profileChosen);
}

/** What a part's worker says: how many more sheets it has done (of its part's), or its part, or that it failed. */
export type PartMessage = { readonly progress: number; readonly total: number } | { readonly part: ReportPart; readonly profileChoice: ProfileChoice } | { readonly failed: string };
