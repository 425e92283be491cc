/**
 * Done when (issue 23 item 8): "`ZIPING_WORKERS=2` is never slower than one thread" on a folder of 1,000 one-form
 * files (issue 12 asked ≥ 1.5× faster; both are printed), with identical output. `ziping check --json FOLDER` on a
 * thread per core — this one and os.availableParallelism() − 1 workers (ZIPING_WORKERS set to the cores: without it,
 * a folder under 16 MB in all is checked in one thread, see poolSize) — against ZIPING_WORKERS=1, alternating; every
 * run's JSON report compared byte for byte with the first one-thread run's.
 */
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { availableParallelism } = require("node:os");
const { alternate, summarize, compare } = require("./lib/measure");

exports.what = "Done when: folder of 1,000 one-form files, a thread per core never slower than ZIPING_WORKERS=1 (issue 12: ≥ 1.5×), same output";

exports.run = async function run(emit, bench) {
  const files = 1000;
  const dir = await bench.folder(files);
  // 4 runs, each contestant first twice: 5 would take the whole bench past its 5 minutes on this machine
  const runs = bench.runs(4, 2);
  const reports = [];
  const check = (workers, env) => () => {
    const out = join(bench.tmp, `pool-${workers}-${reports.length}.json`);
    const s = bench.ziping(["check", "--json", dir], { env, stdoutFile: out });
    reports.push({ workers, bytes: readFileSync(out) });
    return s;
  };
  const cores = String(availableParallelism());
  const s = await alternate(runs, { pool: check(cores, { ZIPING_WORKERS: cores }), one: check("1", { ZIPING_WORKERS: "1" }) });
  const c = compare(summarize(`pool (ZIPING_WORKERS=${cores})`, s.pool), [summarize("ZIPING_WORKERS=1", s.one)]);
  const reference = reports.find((r) => r.workers === "1").bytes;
  const differing = reports.filter((r) => !r.bytes.equals(reference)).length;
  const summary = JSON.parse(reference.toString("utf8")).summary;
  const speedup = +(c.references[0].wall.median / c.subject.wall.median).toFixed(2);
  emit({
    id: "pool-1000",
    what: `Done when: ziping check --json of a folder of ${files.toLocaleString("en")} one-form files, a thread per core (the main one and workers) vs one thread`,
    runs,
    alternating: true,
    ...c,
    details: [
      `speed-up ×${speedup} (one thread's median wall / the pool's; issue 23, never slower, ≥ 1.0: ${speedup >= 1 ? "pass" : "FAIL"}; issue 12, ≥ 1.5: ${speedup >= 1.5 ? "met" : "not met"})`,
      `output: ${reports.length} JSON reports, ${differing === 0 ? "all byte for byte identical" : `${differing} differ from the one-worker report`}; ${summary.files} files, ${summary.forms} forms`,
    ],
    speedup,
    identicalOutput: differing === 0,
    budget: "never slower than ZIPING_WORKERS=1 (issue 23), identical output",
    pass: speedup >= 1 && differing === 0 && summary.files === files,
  });
};
