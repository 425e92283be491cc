/**
 * Engine throughput: the seed forms analyzed and planned per second on one core, grids already in memory (locate,
 * read, score, check, plan; no file I/O). Each run analyzes 3,000 forms after a warm-up of 2,000; wall and CPU time
 * of this process per run (process.cpuUsage). There is no reference and no Done-when budget for it.
 */
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { spread } = require("./lib/measure");

exports.what = "seed forms analyzed and planned per second, one core, grids in memory";

exports.run = async function run(emit, bench) {
  const { analyzeSheet, buildWritePlan, getProfile } = require(join(bench.dist, "engine"));
  const { readWorkbook } = require(join(bench.dist, "adapters", "xlsx", "readWorkbook"));
  const reading = await readWorkbook(new Uint8Array(readFileSync(join(bench.root, "samples", "seed-forms-2023.xlsx"))));
  if (!reading.ok) throw new Error(reading.message);
  const profile = getProfile();
  const grids = reading.grids.filter((g) => analyzeSheet(g, profile).isForm);
  const analyze = (n) => {
    for (let i = 0; i < n; i++) {
      const g = grids[i % grids.length];
      const a = analyzeSheet(g, profile);
      buildWritePlan(a.form, g, a.findings);
    }
  };
  analyze(2000); // warm up the JIT
  const forms = 3000;
  const runs = bench.runs();
  const perSecond = [];
  const wall = [];
  const cpu = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    analyze(forms);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    wall.push(seconds);
    cpu.push((c.user + c.system) / 1e6);
    perSecond.push(forms / seconds);
  }
  const fps = spread(perSecond);
  emit({
    id: "engine",
    what: `engine: ${forms.toLocaleString("en")} seed forms analyzed and planned, one core, no file I/O`,
    runs,
    subject: { label: "analyzeSheet + buildWritePlan", runs, wall: spread(wall), cpu: spread(cpu), rssMB: null },
    value: `${Math.round(fps.median)} forms/s [${Math.round(fps.min)}–${Math.round(fps.max)}] (CPU is this process's, GC included)`,
    formsPerSecond: fps,
    budget: null,
    pass: null,
  });
};
