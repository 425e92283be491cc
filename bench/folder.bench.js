/**
 * A reviewer's folder: `ziping check` on 40 workbooks (the seed workbook under 40 names: 440 forms, the checks across
 * the files of the folder included), without and with `--summary` (the 汇总 workbook with a link per form),
 * alternating; the figure is the 汇总's cost. No Done-when budget (issue 13's: under 10 s and 12 s).
 */
const { copyFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");
const { alternate, summarize, compare } = require("./lib/measure");

const FILES = 40;

exports.what = `ziping check of a folder of ${FILES} workbooks (${FILES * 11} forms), with --summary vs without`;

exports.run = async function run(emit, bench) {
  const folder = join(bench.tmp, "收到的自评表");
  mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= FILES; i++) copyFileSync(join(bench.root, "samples", "seed-forms-2023.xlsx"), join(folder, `单位${String(i).padStart(2, "0")}.xlsx`));
  const runs = bench.runs(3, 2);
  const s = await alternate(runs, {
    summary: () => bench.ziping(["check", "--summary", join(bench.tmp, "汇总.xlsx"), "--force", folder], { stdoutFile: join(bench.tmp, "folder-text.txt") }),
    plain: () => bench.ziping(["check", "--json", folder], { stdoutFile: join(bench.tmp, "folder.json") }),
  });
  const c = compare(summarize("ziping check --summary 汇总.xlsx", s.summary), [summarize("ziping check --json (no 汇总)", s.plain)]);
  const wall = c.subject.wall.median;
  emit({
    id: "folder-40",
    what: `ziping check of a folder of ${FILES} workbooks (${FILES * 11} forms, checks across files), with a 汇总 workbook vs without`,
    runs,
    alternating: true,
    ...c,
    budget: "< 12 s with --summary, < 10 s without (issue 13)",
    pass: wall < 12 && c.references[0].wall.median < 10,
  });
};
