#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --only check,pool] [-- --json FILE] [-- --runs N] [-- --all] [-- --rebuild]`
 *
 * Rebuilds dist/ only when it is stale (bench/lib/build.js), then runs every figure module bench/*.bench.js in name
 * order. A module is `exports.run = async (emit, bench) => …`: it measures, and emits figures; `exports.optional`
 * modules run only when named by --only or with --all. Each figure is printed as readable lines on stdout and
 * written, with the commit, the machine's load and the options, to bench/results/<commit>.json (git-ignored) or
 * --json FILE, for comparison between commits. Generated workbooks live in a temp dir removed at the end.
 * Exit status 1 when a figure with a budget fails, 2 when a module throws.
 */
const { readdirSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } = require("node:fs");
const { join, basename } = require("node:path");
const { tmpdir, cpus } = require("node:os");
const { execFileSync } = require("node:child_process");
const { ensureBuild } = require("./lib/build");
const { timed, load } = require("./lib/measure");
const { printFigure } = require("./lib/report");

const root = join(__dirname, "..");

function parseArgs(argv) {
  const o = { quick: false, only: null, json: null, runs: null, all: false, rebuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") o.quick = true;
    else if (a === "--all") o.all = true;
    else if (a === "--rebuild") o.rebuild = true;
    else if (a === "--only") o.only = argv[++i].split(",").map((s) => s.trim());
    else if (a === "--json") o.json = argv[++i];
    else if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--list") o.list = true;
    else throw new Error(`unknown option ${a} (see bench/run.js)`);
  }
  return o;
}

function git(args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

function modules() {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.js"))
    .sort()
    .map((f) => {
      const m = require(join(__dirname, f));
      return { name: m.name ?? basename(f, ".bench.js"), optional: !!m.optional, what: m.what ?? "", run: m.run };
    });
}

/** What every module gets: where things are, the options, and workbooks generated once per bench run. */
function benchContext(options, tmp) {
  const dist = join(root, "dist", "node");
  const bin = join(root, "bin", "ziping.js");
  const made = new Map();
  const once = (key, make) => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key);
  };
  return {
    root,
    dist,
    bin,
    tmp,
    quick: options.quick,
    /** Runs per figure: 5 (3 with --quick), or --runs N. */
    runs: (full = 5, quick = 3) => options.runs ?? (options.quick ? quick : full),
    /** A generated workbook of `forms` seed forms, every copy its own project (bench/lib/workbooks.js). */
    workbook: (forms) => once(`wb${forms}`, () => require("./lib/workbooks").formsWorkbook(join(tmp, `forms-${forms}.xlsx`), forms)),
    /** The same with the copies of a seed form sharing its 满意度 rows, as a real folder's forms do (issue 23). */
    sharedWorkbook: (forms) => once(`shared${forms}`, () => require("./lib/workbooks").formsWorkbook(join(tmp, `shared-${forms}.xlsx`), forms, { sharedRows: true })),
    /** A folder of `files` one-form workbooks. */
    folder: (files) => once(`dir${files}`, () => require("./lib/workbooks").formsFolder(join(tmp, `folder-${files}`), files)),
    /** `node [nodeArgs] bin/ziping.js args…` under /usr/bin/time. */
    ziping: (args, opts = {}) => timed(process.execPath, [...(opts.nodeArgs ?? []), bin, ...args], opts),
    /** `node script args…` under /usr/bin/time. */
    node: (script, args, opts = {}) => timed(process.execPath, [script, ...args], opts),
    timed,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const all = modules();
  if (options.list) {
    for (const m of all) process.stdout.write(`${m.name}${m.optional ? " (optional)" : ""}: ${m.what}\n`);
    return 0;
  }
  const chosen = all.filter((m) => (options.only ? options.only.includes(m.name) : options.all || !m.optional));
  if (options.only) {
    const unknown = options.only.filter((n) => !all.some((m) => m.name === n));
    if (unknown.length) throw new Error(`no bench module named ${unknown.join(", ")}; there are: ${all.map((m) => m.name).join(", ")}`);
  }
  const rebuilt = ensureBuild({ force: options.rebuild });
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), "ziping-bench-"));
  const bench = benchContext(options, tmp);
  const figures = [];
  const result = {
    commit: git(["rev-parse", "HEAD"]),
    dirty: git(["status", "--porcelain", "--untracked-files=no"]) !== "",
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    options: { quick: options.quick, only: options.only, runs: options.runs, all: options.all },
    rebuilt,
    loadBefore: load(),
    figures,
  };
  process.stdout.write(`ziping bench · ${result.commit.slice(0, 10)}${result.dirty ? " (uncommitted changes)" : ""} · ${result.cpus} cores · load ${result.loadBefore.join(" ")}${options.quick ? " · --quick" : ""}\n`);
  let failedModules = 0;
  try {
    for (const m of chosen) {
      const t0 = Date.now();
      const emit = (figure) => {
        const f = { module: m.name, load: load(), ...figure };
        figures.push(f);
        process.stdout.write(printFigure(f));
      };
      try {
        await m.run(emit, bench);
      } catch (e) {
        failedModules++;
        emit({ id: `${m.name}-error`, what: `${m.name}: the module failed`, error: String(e && e.stack ? e.stack : e), pass: false });
      }
      process.stderr.write(`  (${m.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  result.seconds = +((Date.now() - started) / 1000).toFixed(1);
  result.loadAfter = load();
  const failed = figures.filter((f) => f.pass === false);
  // the 5-minute budget is the default run's (every default module, default runs)
  const whole = !options.only && !options.quick && !options.runs;
  result.wholeBenchWithin5Minutes = whole ? result.seconds < 300 : null;
  const file = options.json ?? join(__dirname, "results", `${result.commit.slice(0, 12) || "unknown"}${options.quick ? "-quick" : ""}.json`);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  process.stdout.write(
    `\n${figures.length} figures in ${result.seconds} s${whole ? ` (budget for the whole bench: < 300 s: ${result.seconds < 300 ? "PASS" : "FAIL"})` : ""} · load ${result.loadAfter.join(" ")} · ` +
      `${failed.length ? `FAILED: ${failed.map((f) => f.id).join(", ")}` : "every budget met"}\nJSON: ${file}\n`,
  );
  return failedModules ? 2 : failed.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
