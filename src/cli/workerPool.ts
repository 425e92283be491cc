import { ResourceLimits, Worker } from "node:worker_threads";

/**
 * A pool of worker threads that runs tasks and gives their results back in the order of the tasks, whatever order they
 * finish in. A task whose worker dies (an uncaught exception, out of memory) gets `failed`'s result and a fresh worker
 * takes the next task: one bad input never stops the others.
 *
 * The worker script answers each message `{ id, task }` with `{ id, result }` (src/cli/checkWorker.ts); tasks and
 * results cross threads by structured clone, so they must be plain data.
 *
 * Measured on a folder of 1,000 one-form files (npm run bench -- --only pool): a worker given one task at a time
 * waited for the round trip and its next file's read after each (about a fifth of its time), so each worker holds
 * `inFlight` tasks (4: ×1.16 → ×1.35 faster than one thread on two cores). Tried and dropped then: results sent as
 * JSON text instead of cloned (more CPU, not less). This thread taking tasks beside one worker fewer (`local`) measured
 * ×1.27 against two workers' ×1.35 then; issue 23 takes it (`ziping check`'s pool) because it leaves no core idle while
 * this thread waits and starts one isolate fewer, and the folder's forms now come back packed (JSON bytes, not a graph
 * to clone). On the shared machine of this round neither pool beat one thread (README, Benchmarks).
 */
export interface PoolOptions<T, R> {
  /** The worker's script: a compiled .js file. */
  readonly script: string;
  /** Worker threads at most (never more than there are tasks). */
  readonly size: number;
  /** Given to every worker (worker_threads workerData): what all tasks share. */
  readonly workerData?: unknown;
  readonly resourceLimits?: ResourceLimits;
  /** The result of a task whose worker died, with why (the worker's error text). */
  readonly failed: (task: T, reason: string) => R;
  /** Told as each task finishes: tasks done, of all. */
  readonly onDone?: (done: number, total: number) => void;
  /** Tasks given to a worker before it answers the first (default 1). */
  readonly inFlight?: number;
  /**
   * This thread takes tasks too, as one of the `size` (which then start one worker fewer): each task run here in turn,
   * the workers' answers taken in between. Never throws (a task that fails says so in its result).
   */
  readonly local?: (task: T) => Promise<R>;
}

export function runPool<T, R>(tasks: readonly T[], options: PoolOptions<T, R>): Promise<R[]> {
  const results: R[] = new Array<R>(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    /** Tasks not yet given, by index: a dead worker's innocent tasks go back to the front. */
    const queue: number[] = tasks.map((_t, i) => i);
    let inFlight = Math.max(1, options.inFlight ?? 1);
    /** Tasks given again after their worker died: only a worker takes them (one may kill whoever runs it). */
    const redone = new Set<number>();
    let done = 0;
    const finish = (index: number, result: R) => {
      results[index] = result;
      done++;
      // (not `onDone?.(++done, …)`: without onDone the count would never be made)
      options.onDone?.(done, tasks.length);
      if (done === tasks.length) resolve(results);
    };
    const start = () => {
      const worker = new Worker(options.script, { workerData: options.workerData, resourceLimits: options.resourceLimits });
      const given = new Set<number>();
      let died = "";
      let ended = false;
      const give = () => {
        while (given.size < inFlight && queue.length > 0) {
          const index = queue.shift()!;
          given.add(index);
          worker.postMessage({ id: index, task: tasks[index] });
        }
        if (given.size === 0 && !ended) {
          ended = true;
          void worker.terminate();
        }
      };
      worker.on("message", (m: { id: number; result: R }) => {
        if (!given.delete(m.id)) return;
        finish(m.id, m.result);
        give();
      });
      // an uncaught exception or ERR_WORKER_OUT_OF_MEMORY; "exit" follows
      worker.on("error", (e) => {
        died = e instanceof Error ? `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message}` : String(e);
      });
      worker.on("exit", (code) => {
        ended = true;
        if (given.size === 0) return;
        const lost = [...given].sort((a, b) => a - b);
        given.clear();
        if (lost.length === 1) finish(lost[0], options.failed(tasks[lost[0]], died || `worker exited with code ${code}`));
        else {
          // which of its tasks killed it is not known: each is given again, alone in a worker, so that only the one
          // that kills a worker by itself fails
          inFlight = 1;
          for (const i of lost) redone.add(i);
          queue.unshift(...lost);
        }
        if (queue.length > 0) start();
      });
      give();
    };
    const runners = Math.min(Math.max(1, options.size), tasks.length);
    const local = options.local;
    for (let i = 0; i < (local ? runners - 1 : runners); i++) start();
    if (local) {
      void (async () => {
        for (;;) {
          const at = queue.findIndex((i) => !redone.has(i));
          if (at < 0) break;
          const [index] = queue.splice(at, 1);
          finish(index, await local(tasks[index]));
          // the workers' answers (and their next tasks) before this thread's next task
          await new Promise((next) => setImmediate(next));
        }
      })();
    }
  });
}
