import { ResourceLimits, Worker } from "node:worker_threads";

/**
 * A pool of worker threads that runs tasks and gives their results back in the order of the tasks, whatever order they
 * finish in. A task whose worker dies (an uncaught exception, out of memory) gets `failed`'s result and a fresh worker
 * takes the next task: one bad input never stops the others.
 *
 * The worker script answers each message `{ id, task }` with `{ id, result }` (src/cli/checkWorker.ts); tasks and
 * results cross threads by structured clone, so they must be plain data.
 */
export interface PoolOptions<T, R> {
  /** The worker's script: a compiled .js file. */
  readonly script: string;
  /** Workers at most (never more than there are tasks). */
  readonly size: number;
  /** Given to every worker (worker_threads workerData): what all tasks share. */
  readonly workerData?: unknown;
  readonly resourceLimits?: ResourceLimits;
  /** The result of a task whose worker died, with why (the worker's error text). */
  readonly failed: (task: T, reason: string) => R;
  /** Told as each task finishes: tasks done, of all. */
  readonly onDone?: (done: number, total: number) => void;
}

export function runPool<T, R>(tasks: readonly T[], options: PoolOptions<T, R>): Promise<R[]> {
  const results: R[] = new Array<R>(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const finish = (index: number, result: R) => {
      results[index] = result;
      options.onDone?.(++done, tasks.length);
      if (done === tasks.length) resolve(results);
    };
    const start = () => {
      const worker = new Worker(options.script, { workerData: options.workerData, resourceLimits: options.resourceLimits });
      let current: number | null = null;
      let died = "";
      const give = () => {
        if (next >= tasks.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, task: tasks[current] });
      };
      worker.on("message", (m: { id: number; result: R }) => {
        if (current === null || m.id !== current) return;
        const index = current;
        current = null;
        finish(index, m.result);
        give();
      });
      // an uncaught exception or ERR_WORKER_OUT_OF_MEMORY; "exit" follows
      worker.on("error", (e) => {
        died = e instanceof Error ? `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message}` : String(e);
      });
      worker.on("exit", (code) => {
        if (current === null) return;
        const index = current;
        current = null;
        finish(index, options.failed(tasks[index], died || `worker exited with code ${code}`));
        if (next < tasks.length) start();
      });
      give();
    };
    for (let i = 0; i < Math.min(Math.max(1, options.size), tasks.length); i++) start();
  });
}
