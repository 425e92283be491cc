/**
 * Add-in measurements for `npm run bench`:
 *  - context.sync() round trips per 校验并计分, counted by the fake Excel on every seed form (jest run of
 *    test/addin/excelAdapter.test.ts with ZIPING_BENCH_SYNCS set);
 *  - gzipped size of the JavaScript the task pane loads first (scripts/measureBundle.js; budget 250 KB).
 */
const { execFileSync, spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");

const root = join(__dirname, "..");

exports.run = async function run(emit) {
  const out = join(mkdtempSync(join(tmpdir(), "ziping-syncs-")), "syncs.jsonl");
  const jest = spawnSync(process.execPath, [join(root, "node_modules", "jest", "bin", "jest.js"), "test/addin/excelAdapter.test.ts", "-t", "one sync to read"], {
    cwd: root,
    env: { ...process.env, ZIPING_BENCH_SYNCS: out },
    encoding: "utf8",
  });
  const runs = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const syncs = runs.map((r) => r.syncs);
  emit({ bench: "addin-syncs", what: "context.sync() per 校验并计分 (read + write), fake Excel, every seed form in 3 layouts", runs: runs.length, min: Math.min(...syncs), max: Math.max(...syncs), jestExit: jest.status, budget: "2" });

  const bundle = JSON.parse(execFileSync(process.execPath, [join(root, "scripts", "measureBundle.js")], { encoding: "utf8" }));
  emit({ bench: "taskpane-bundle", what: "gzipped JavaScript the task pane loads first (exceljs is lazy)", ...bundle });
};
