import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { AS_OBJECTS, ReportPacking } from "../app";
import { Profile } from "../engine";
import { CheckedFile, checkOneFile, failedFile, INTERNAL_FAILURE } from "./checkOneFile";
import { checkInParts } from "./checkParts";
import { InputEntry } from "./inputs";
import { NO_PROGRESS, Progress } from "./progress";
import { runPool } from "./workerPool";

/**
 * The files of `ziping check`, checked on every core: a large folder's files by a pool of worker threads (one per
 * core, or ZIPING_WORKERS; see poolSize), each file in one worker, the results in the order of the inputs whatever order they finish in. A
 * single file is checked in this thread, sheet by sheet. The output is the same either way (test/cli/checkFiles.test.ts).
 *
 * Checks across the files of a folder plug in after this: every CheckedFile carries its forms' fingerprints.
 */
export interface CheckFilesOptions {
  readonly sheet?: string;
  /** --profile was given (else each workbook is checked with its own 评分方案 when it has one). */
  readonly profileChosen: boolean;
  /** Worker threads at most (default: poolSize()). */
  readonly workers?: number;
  /** Files done of all (a folder), or sheets done of all (one file). */
  readonly progress?: (unit: "files" | "sheets") => Progress;
}

/** The worker's compiled script, beside this one; absent when running from the TypeScript sources (jest), then one thread. */
function workerScript(): string | null {
  const script = join(__dirname, "checkWorker.js");
  return existsSync(script) ? script : null;
}

/** ZIPING_WORKERS when it is a positive whole number. */
function chosenWorkers(env: NodeJS.ProcessEnv): number | null {
  const n = Number(env.ZIPING_WORKERS);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * Inputs smaller than this in all are checked in one thread unless ZIPING_WORKERS says otherwise. Measured on the
 * 2-core machine (README, "Speed and memory"): each worker compiles the whole check afresh and Node's own background
 * threads (garbage collection, compilation) already keep a second core busy, so 80 seed workbooks (2.6 MB) took 2.05 s
 * on the pool and 1.75 s in one thread, 1,000 one-form files (12 MB) the same either way, and six 2,000-form
 * workbooks (24 MB) 15.5 s against 17.6 s.
 */
export const POOL_MIN_BYTES = 16 * 1024 * 1024;

/** The pool's size for these files: ZIPING_WORKERS, else every core when the files are large enough in all, else one. */
export function poolSize(files: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const chosen = chosenWorkers(env);
  if (chosen !== null) return chosen;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      // a file that cannot be stat'ed is reported by its check
    }
    if (bytes >= POOL_MIN_BYTES) return availableParallelism();
  }
  return 1;
}

/**
 * Each entry checked, in the order given: a CheckedFile, or null for a workbook of our own sheets only (a 汇总 we
 * wrote into the folder). With `packing`, the forms' reports are kept as it makes them (PACKED for the JSON report:
 * they cross from the workers as bytes).
 */
export async function checkFiles(entries: readonly InputEntry[], profile: Profile, options: CheckFilesOptions): Promise<(CheckedFile | null)[]>;
export async function checkFiles<F>(entries: readonly InputEntry[], profile: Profile, options: CheckFilesOptions, packing: ReportPacking<F>): Promise<(CheckedFile<F> | null)[]>;
export async function checkFiles(entries: readonly InputEntry[], profile: Profile, options: CheckFilesOptions, packing: ReportPacking<unknown> = AS_OBJECTS): Promise<(CheckedFile<unknown> | null)[]> {
  const results: (CheckedFile<unknown> | null | undefined)[] = entries.map((e) => (e.error ? failedFile(e.file, e.error.message, e.error.code) : undefined));
  const todo = entries.flatMap((e, i) => (e.error ? [] : [{ index: i, file: e.file }]));
  const workers = Math.min(options.workers ?? poolSize(todo.map((t) => t.file)), todo.length);
  const script = workerScript();
  const each = { profileChosen: options.profileChosen, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) };
  if (workers <= 1 || !script) {
    // one thread: a single file reports its sheets; its bytes and grids are let go before the next file is read
    const progress = options.progress?.(todo.length === 1 ? "sheets" : "files") ?? NO_PROGRESS;
    // a single large workbook: its sheets in parts, on a worker each (checkParts.ts); in this thread when that fails
    const parts = todo.length === 1 && options.sheet === undefined && /\.xls[xm]$/i.test(todo[0].file) ? (options.workers ?? poolSize([todo[0].file])) : 1;
    const whole = parts > 1 ? await checkInParts(todo[0].file, profile, options.profileChosen, parts, packing, (d, total) => progress.tick(d, total)) : null;
    if (whole) results[todo[0].index] = whole;
    for (const [n, t] of (whole ? [] : todo).entries()) {
      results[t.index] = await checkOneFile(t.file, profile, { ...each, ...(todo.length === 1 ? { onProgress: (d: number, total: number) => progress.tick(d, total) } : {}) }, packing);
      if (todo.length > 1) progress.tick(n + 1, todo.length);
    }
    progress.stop();
  } else {
    const progress = options.progress?.("files") ?? NO_PROGRESS;
    // the forms of a worker's files come as `packing` makes them: the worker is told which
    const checked = await runPool<{ file: string }, CheckedFile<unknown> | null>(
      todo.map((t) => ({ file: t.file })),
      {
        script,
        size: workers,
        workerData: { profile, ...each, packing: packing.kind },
        failed: (task) => failedFile(task.file, INTERNAL_FAILURE),
        onDone: (d, total) => progress.tick(d, total),
        // a worker reads its next files while it checks one (workerPool.ts)
        inFlight: 4,
        // this thread checks files too, between the workers' answers: one worker fewer to warm up, no core idle
        local: (task) => checkOneFile(task.file, profile, each, packing),
      },
    );
    checked.forEach((c, n) => (results[todo[n].index] = c));
    progress.stop();
  }
  // every entry has its result by now: an error entry from the start, the others from this thread or the pool
  return results as (CheckedFile<unknown> | null)[];
}
