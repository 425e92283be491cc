/**
 * How the benchmarks measure: every command in its own process under GNU time (wall seconds, user and system CPU
 * seconds, peak RSS), the subject and its references run alternately in the same call (A B A B …, the order flipped
 * every run so neither always goes first on a warm or a loaded machine), and each reported as the median of its
 * runs with min and max. Ratios are subject median / reference median.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, openSync, closeSync, rmSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir, loadavg } = require("node:os");

const timeDir = mkdtempSync(join(tmpdir(), "ziping-bench-time-"));
process.on("exit", () => rmSync(timeDir, { recursive: true, force: true }));

/**
 * Run one command under /usr/bin/time. stdout goes to `stdoutFile` when given (large JSON reports are not held
 * here), else it is discarded. Returns { wall, user, sys, cpu, rssMB, status, stderr }.
 */
function timed(command, args, { env, stdoutFile, cwd } = {}) {
  const timeFile = join(timeDir, "time.txt");
  const out = stdoutFile ? openSync(stdoutFile, "w") : "ignore";
  try {
    const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, command, ...args], {
      stdio: ["ignore", out, "pipe"],
      env: env ? { ...process.env, ...env } : process.env,
      cwd,
      maxBuffer: 1 << 26,
      encoding: "utf8",
    });
    const line = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const [wall, user, sys, kb] = line.split(" ").map(Number);
    // GNU time writes "Command exited with non-zero status N" before its line; the status is r.status either way
    return { wall, user, sys, cpu: +(user + sys).toFixed(2), rssMB: Math.round(kb / 1024), status: r.status, stderr: r.stderr };
  } finally {
    if (typeof out === "number") closeSync(out);
  }
}

/** Median, min and max of numbers (the median of an even count is the mean of the middle two). */
function spread(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median: round(median), min: round(v[0]), max: round(v[v.length - 1]) };
}

const round = (x) => (Math.abs(x) >= 100 ? Math.round(x) : +x.toFixed(3));

/**
 * Run `runs` rounds of the given contestants (name → () => sample), alternating their order each round.
 * Returns name → samples in run order.
 */
async function alternate(runs, contestants) {
  const names = Object.keys(contestants);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const n of i % 2 === 0 ? names : [...names].reverse()) samples[n].push(await contestants[n]());
  }
  return samples;
}

/** A contestant's summary: wall, CPU and peak RSS as spreads, plus exit statuses when any run failed. */
function summarize(label, samples) {
  const s = { label, runs: samples.length, wall: spread(samples.map((x) => x.wall)), cpu: spread(samples.map((x) => x.cpu)), rssMB: spread(samples.map((x) => x.rssMB)) };
  const failed = samples.filter((x) => x.status !== undefined && x.status !== 0 && x.status !== 1);
  if (failed.length) s.failedRuns = failed.map((x) => ({ status: x.status, stderr: String(x.stderr ?? "").slice(-400) }));
  return s;
}

/** Subject and references summarized, each reference with the subject's ratio to it (medians). */
function compare(subject, references) {
  const ratio = (a, b) => (a && b && b.median ? +(a.median / b.median).toFixed(2) : null);
  return {
    subject,
    references: references.map((r) => ({ ...r, ratio: { wall: ratio(subject.wall, r.wall), cpu: ratio(subject.cpu, r.cpu), rss: ratio(subject.rssMB, r.rssMB) } })),
  };
}

/** The machine's load averages (1, 5, 15 min), printed beside each figure: other work shares the cores. */
const load = () => loadavg().map((x) => +x.toFixed(2));

module.exports = { timed, spread, alternate, summarize, compare, load };
