/**
 * A reviewer's folder for `npm run bench` (after `npm run build`): `ziping check` on a folder of 40 workbooks (the
 * seed workbook under 40 names: 440 forms), without and with `--summary` (the 汇总 workbook with a link per form),
 * each in its own process timed by /usr/bin/time (wall seconds and peak RSS). The checks across the files of the
 * folder run in both; the difference is the 汇总 workbook.
 */
const { spawnSync } = require("node:child_process");
const { copyFileSync, mkdirSync, mkdtempSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");

const root = join(__dirname, "..");
const BIN = join(root, "bin", "ziping.js");
const SAMPLE = join(root, "samples", "seed-forms-2023.xlsx");
const FILES = 40;

function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const [seconds, kb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { seconds, peakRssMB: Math.round(kb / 1024), exitStatus: r.status };
}

exports.run = async function run(emit) {
  const dir = mkdtempSync(join(tmpdir(), "ziping-folder-"));
  const folder = join(dir, "收到的自评表");
  mkdirSync(folder);
  for (let i = 1; i <= FILES; i++) copyFileSync(SAMPLE, join(folder, `单位${String(i).padStart(2, "0")}.xlsx`));
  const plain = timed([process.execPath, BIN, "check", "--json", folder]);
  emit({ bench: "folder", what: `ziping check --json on a folder of ${FILES} workbooks (${FILES * 11} forms), checks across files included`, ...plain, budget: "< 10 s" });
  const summary = timed([process.execPath, BIN, "check", "--summary", join(dir, "汇总.xlsx"), folder]);
  emit({ bench: "folder", what: `ziping check --summary 汇总.xlsx on the same folder (one row and link per form)`, ...summary, budget: "< 12 s" });
};
