#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): prints one JSON line per measurement.
 *  - engine: seed forms analyzed per second (grids already in memory: locate, read, score, check, plan);
 *  - cli: wall time and peak RSS of `ziping check` on a generated 500-form workbook;
 *  - further lines from bench/*.js measurements of the add-in, when present.
 */
const { readFileSync, mkdtempSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");
const { spawnSync } = require("node:child_process");
const ExcelJS = require("exceljs");

const root = join(__dirname, "..");
const dist = join(root, "dist", "node");
const { analyzeSheet, buildWritePlan, getProfile } = require(join(dist, "engine"));
const { readWorkbook } = require(join(dist, "adapters", "xlsx", "readWorkbook"));

const SAMPLE = join(root, "samples", "seed-forms-2023.xlsx");

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

async function engineThroughput() {
  const reading = await readWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  if (!reading.ok) throw new Error(reading.message);
  const grids = reading.grids.filter((g) => analyzeSheet(g, getProfile()).isForm);
  const profile = getProfile();
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      const g = grids[i % grids.length];
      const a = analyzeSheet(g, profile);
      buildWritePlan(a.form, g, a.findings);
    }
  };
  run(2000); // warm up
  const n = 20000;
  const t0 = process.hrtime.bigint();
  run(n);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  emit({ bench: "engine", what: "seed forms analyzed and planned per second, one core, no file I/O", formsPerSecond: Math.round(n / seconds), forms: n, seconds: +seconds.toFixed(3), budget: ">= 2000" });
}

async function cli500() {
  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-"));
  const file = join(dir, "forms-500.xlsx");
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(SAMPLE);
  const forms = src.worksheets.filter((ws) => ws.name !== "说明");
  const out = new ExcelJS.Workbook();
  for (let i = 0; i < 500; i++) {
    const from = forms[i % forms.length];
    const ws = out.addWorksheet(`表${i + 1}`);
    from.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.isMerged && c.master.address !== c.address) return;
      const cell = ws.getCell(r, col);
      cell.value = c.value;
      cell.style = c.style;
    }));
    for (const m of from.model.merges) ws.mergeCells(m);
  }
  await out.xlsx.writeFile(file);
  // /usr/bin/time: wall time and the peak RSS of the whole command
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, join(root, "bin", "ziping.js"), "check", "--json", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  const [seconds, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  emit({ bench: "cli", what: "ziping check --json on a 500-form workbook (wall time, peak RSS)", seconds, peakRssMB: Math.round(kb / 1024), exitStatus: r.status, budget: "< 10 s" });
  process.env.ZIPING_BENCH_500 = file; // for bench/xlsx.bench.js
}

(async () => {
  await engineThroughput();
  await cli500();
  for (const f of readdirSync(__dirname).filter((x) => x.endsWith(".bench.js")).sort()) {
    await require(join(__dirname, f)).run(emit);
  }
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
