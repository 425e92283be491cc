import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ProfileChoice } from "../adapters/xlsx/files";
import { checkFileReportPart } from "../adapters/xlsx/files";
import { ReportPacking, ReportPart, reportsOfParts } from "../app";
import { Profile } from "../engine";
import type { CheckedFile } from "./checkOneFile";
import { checkedFile } from "./checkOneFile";
import { readInput } from "./fileIo";

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
export async function checkInParts<F>(
  file: string,
  profile: Profile,
  profileChosen: boolean,
  workers: number,
  packing: ReportPacking<F>,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckedFile<F> | null> {
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
  type Done = { part: ReportPart<F>; profileChoice: ProfileChoice } | null;
  // parts 1… in workers, started first; part 0 in this thread meanwhile (one worker fewer to start and warm up)
  const inWorkers = Array.from(
    { length: workers - 1 },
    (_w, k) =>
      new Promise<Done>((resolve) => {
        const index = k + 1;
        const worker = new Worker(script, { workerData: { file, profile, preferStoredProfile: !profileChosen, index, of: workers, packing: packing.kind } });
        running.push(worker);
        let settled = false;
        const settle = (result: Done) => {
          if (settled) return;
          settled = true;
          resolve(result ?? failed());
        };
        // the part's forms are as `packing` made them (the worker was told which)
        worker.on("message", (m: PartMessage<F>) => {
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
  );
  const here = partHere(file, profile, profileChosen, workers, packing, (total) => {
    totals[0] = total;
    onProgress?.(++done, totals.reduce((a, b) => a + b, 0));
  });
  const parts = [here ?? failed(), ...(await Promise.all(inWorkers))];
  const all = parts.filter((p) => p !== null);
  if (all.length < workers) return null;
  const checked = reportsOfParts(all.map((p) => p.part));
  // a workbook of our own sheets only (an earlier 汇总): checkOneFile says so
  if (checked.reports.length === 0) return null;
  return checkedFile(file, checked, all[0].profileChoice, profileChosen);
}

/** Part 0 of `of`, checked in this thread (checkPartWorker.ts does the others); null when it cannot be done. */
function partHere<F>(
  file: string,
  profile: Profile,
  profileChosen: boolean,
  of: number,
  packing: ReportPacking<F>,
  sheetDone: (total: number) => void,
): { part: ReportPart<F>; profileChoice: ProfileChoice } | null {
  const read = readInput(file);
  if (!read.ok) return null;
  const r = checkFileReportPart(read.bytes, profile, { preferStoredProfile: !profileChosen, onProgress: (_d, total) => sheetDone(total) }, 0, of, packing);
  return r.ok && r.part ? { part: r.part, profileChoice: r.profileChoice } : null;
}

/** What a part's worker says: how many more sheets it has done (of its part's), or its part, or that it failed. */
export type PartMessage<F = unknown> = { readonly progress: number; readonly total: number } | { readonly part: ReportPart<F>; readonly profileChoice: ProfileChoice } | { readonly failed: string };
