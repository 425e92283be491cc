/**
 * The worker pool of `ziping check` (issue 12): results in the order of the tasks whatever order they finish in, what
 * all tasks share given once, and a task whose worker dies — it exits, throws outside any handler, or runs out of
 * memory — answered by `failed` while the other tasks go on in fresh workers.
 */
import { join } from "node:path";
import { runPool } from "../../src/cli/workerPool";

const script = join(__dirname, "fixtures", "poolWorker.js");
type Task = { value?: number; wait?: number; crash?: boolean; throw?: boolean; hog?: boolean };
type Result = { value?: number; shared?: string; failed?: string };

const run = (tasks: Task[], size: number, done: [number, number][] = [], inFlight = 1) =>
  runPool<Task, Result>(tasks, {
    inFlight,
    script,
    size,
    workerData: { shared: "同一方案" },
    resourceLimits: { maxOldGenerationSizeMb: 48 },
    failed: (task, reason) => ({ value: task.value, failed: reason }),
    onDone: (d, t) => done.push([d, t]),
  });

describe("runPool", () => {
  it.each([1, 4])("gives the results in the order of the tasks, not the order they finish in (%i in flight)", async (inFlight) => {
    const tasks = [{ value: 1, wait: 120 }, { value: 2, wait: 0 }, { value: 3, wait: 60 }, { value: 4, wait: 0 }, { value: 5, wait: 30 }];
    const done: [number, number][] = [];
    const results = await run(tasks, 3, done, inFlight);
    expect(results).toEqual(tasks.map((t) => ({ value: t.value, shared: "同一方案" })));
    expect(done).toEqual([1, 2, 3, 4, 5].map((d) => [d, 5]));
  });

  it.each([1, 3])("a worker that exits, throws or runs out of memory fails its task only; the others are answered (%i in flight)", async (inFlight) => {
    // with several tasks in a worker when it dies, each is given again alone: only the one that kills a worker fails
    const tasks: Task[] = [{ value: 1 }, { value: 2, crash: true }, { value: 3 }, { value: 4, throw: true }, { value: 5 }, { value: 6, hog: true }, { value: 7 }];
    const results = await run(tasks, 2, [], inFlight);
    expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.map((r) => (r.failed ? "failed" : "ok"))).toEqual(["ok", "failed", "ok", "failed", "ok", "failed", "ok"]);
    expect(results[1].failed).toContain("code 3");
    expect(results[3].failed).toContain("boom");
    expect(results[5].failed).toContain("ERR_WORKER_OUT_OF_MEMORY");
  });

  it("with `local`, this thread takes tasks too, one worker fewer: results in order; a dead worker's tasks go to workers only", async () => {
    const here: number[] = [];
    // the worker is given the first two; it dies on the second; both are given again, to a worker, each alone
    const tasks: Task[] = [{ value: 1, wait: 30 }, { value: 2, crash: true }, { value: 3 }, { value: 4 }, { value: 5 }, { value: 6 }, { value: 7 }, { value: 8 }];
    const results = await runPool<Task, Result>(tasks, {
      script,
      size: 2,
      inFlight: 2,
      workerData: { shared: "同一方案" },
      failed: (task, reason) => ({ value: task.value, failed: reason }),
      local: async (task) => {
        here.push(task.value!);
        return { value: task.value, shared: "本线程" };
      },
    });
    expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(here).toEqual([3, 4, 5, 6, 7, 8]);
    expect(results.map((r) => r.shared ?? r.failed)).toEqual(["同一方案", expect.stringContaining("code 3"), ...here.map(() => "本线程")]);
  });

  it("more workers than tasks, and no tasks at all", async () => {
    expect(await run([{ value: 9 }], 8)).toEqual([{ value: 9, shared: "同一方案" }]);
    expect(await run([], 2)).toEqual([]);
  });
});
