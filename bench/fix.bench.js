/**
 * `ziping fix` of the 500-form workbook (the scored copy: derived cells written, findings highlighted, everything
 * else kept) against exceljs 4.4.0 reading the same file and writing it back, alternating. No Done-when budget.
 */
const { join } = require("node:path");
const { alternate, summarize, compare } = require("./lib/measure");

exports.what = "ziping fix of 500 forms vs exceljs read + write";

exports.run = async function run(emit, bench) {
  const file = await bench.workbook(500);
  // 3 runs: 5 would take the whole bench past its 5 minutes on this machine (the spread is small)
  const runs = bench.runs(3, 3);
  const s = await alternate(runs, {
    fix: () => bench.ziping(["fix", file, "--out", join(bench.tmp, "fix-500-scored.xlsx"), "--force"]),
    exceljs: () => bench.node(join(__dirname, "lib", "refs", "exceljs-read-write.js"), [file, join(bench.tmp, "fix-500-exceljs.xlsx")]),
  });
  const c = compare(summarize("ziping fix --out", s.fix), [summarize("exceljs 4.4.0 readFile + writeFile", s.exceljs)]);
  const statuses = [...new Set(s.fix.map((x) => x.status))];
  emit({
    id: "fix-500",
    what: "ziping fix of a 500-form workbook, against exceljs reading and writing the same file",
    runs,
    alternating: true,
    ...c,
    details: [`ziping fix exit status: ${statuses.join(", ")}`],
    budget: "no Done-when budget; every run writes its copy (exit 0 or 1)",
    pass: statuses.every((x) => x === 0 || x === 1) && !c.references[0].failedRuns,
  });
};
