/**
 * Issue 23 item 1: where the time of `ziping check --json` of 2,000 forms goes. The built command is run once under
 * `node --cpu-prof` (the main thread's profile: a workbook under 16 MB is checked in this one thread), and its self
 * time split by phase — read (zip and inflate, saxes, the reader's own code), analyse (the engine per form,
 * decimal.js, the app), the checks across forms, report, serialise, GC — and by file (bench/lib/profileSplit.js,
 * which also prints a saved profile: `node bench/lib/profileSplit.js FILE.cpuprofile`). No budget: it says where to
 * look. The profiler itself slows the run by some 10 %.
 */
const { mkdirSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { summarize } = require("./lib/measure");
const { zipingCheck } = require("./lib/checks");
const { splitFile, lines } = require("./lib/profileSplit");

exports.what = "profile of ziping check --json, 2,000 forms: self time by phase (read / analyse / report / serialise / GC) and by file";

exports.run = async function run(emit, bench) {
  const forms = 2000;
  const file = await bench.workbook(forms);
  const dir = join(bench.tmp, "cpu-profile");
  mkdirSync(dir, { recursive: true });
  const sample = zipingCheck(bench, file, { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] })();
  const profile = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!profile) throw new Error(`no profile written (exit ${sample.status}: ${String(sample.stderr).slice(-300)})`);
  const split = splitFile(join(dir, profile));
  emit({
    id: "profile-2000",
    what: `where the time goes: ziping check --json of ${forms.toLocaleString("en")} forms under node --cpu-prof (main thread, self time)`,
    runs: 1,
    subject: summarize("node --cpu-prof ziping check --json", [sample]),
    details: [
      `${split.totalMs} ms of samples on the main thread (${split.idleMs} ms idle, left out); by phase:`,
      ...lines(split.phases).map((l) => `  ${l}`),
      "the files with the most self time:",
      ...lines(split.groups, 14).map((l) => `  ${l}`),
      "the functions with the most self time:",
      ...lines(split.functions, 10).map((l) => `  ${l}`),
    ],
    split: { totalMs: split.totalMs, phases: split.phases, files: split.groups.slice(0, 40) },
    budget: null,
    pass: null,
  });
};
