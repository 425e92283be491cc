/**
 * Contestants shared by the check figures: `ziping check --json` of a file (its report written to a file and its
 * summary read back, so a run that checked fewer forms than it should is seen), and the reference readers.
 */
const { statSync, openSync, readSync, closeSync } = require("node:fs");
const { join } = require("node:path");

const refs = join(__dirname, "refs");
const PYTHON = "/usr/bin/python3"; // Debian's, with python3-openpyxl (not the pyenv python3 first on PATH)

/** The report's closing "summary" object, read from the end of a (possibly very large) JSON report. */
function reportSummary(file) {
  const size = statSync(file).size;
  const n = Math.min(size, 4096);
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(n);
  readSync(fd, buf, 0, n, size - n);
  closeSync(fd);
  const m = /"summary"\s*:\s*(\{[^{}]*\})\s*\}\s*$/.exec(buf.toString("utf8"));
  return m ? JSON.parse(m[1]) : null;
}

/** `ziping check --json FILE` as a contestant; each run's summary is kept on its sample. */
function zipingCheck(bench, file, { nodeArgs = [], env } = {}) {
  const out = join(bench.tmp, "check-report.json");
  return () => {
    const s = bench.ziping(["check", "--json", file], { nodeArgs, env, stdoutFile: out });
    s.summary = reportSummary(out);
    return s;
  };
}

const exceljsRead = (bench, file) => () => bench.node(join(refs, "exceljs-read.js"), [file]);
const openpyxlRead = (bench, file) => () => bench.timed(PYTHON, [join(refs, "openpyxl-read.py"), file]);
const sheetjsRead = (bench, file) => () => bench.node(join(refs, "sheetjs-read.js"), [file]);
/** The bare pass (refs/bare-inflate-saxes.js): every XML part inflated and parsed, nothing kept; or inflated only. */
const bareRead = (bench, file, { inflateOnly = false } = {}) => () => bench.node(join(refs, "bare-inflate-saxes.js"), [file, ...(inflateOnly ? ["--inflate-only"] : [])]);

/**
 * calamine, when a reader built from its source is on this machine: ZIPING_BENCH_CALAMINE names a command (split at
 * spaces) that reads the file given last and visits every cell. Null when unset (it cannot be installed from a
 * registry here; its source is not part of this repository).
 */
function calamineRead(bench, file) {
  const command = process.env.ZIPING_BENCH_CALAMINE;
  if (!command) return null;
  const [program, ...args] = command.split(" ").filter(Boolean);
  return () => bench.timed(program, [...args, file]);
}

/** The forms every run of a check reported, e.g. "500" or "500, 499" when runs disagree. */
function formsChecked(samples) {
  return [...new Set(samples.map((s) => s.summary?.forms ?? "no report"))].join(", ");
}

module.exports = { reportSummary, zipingCheck, exceljsRead, openpyxlRead, sheetjsRead, bareRead, calamineRead, formsChecked };
