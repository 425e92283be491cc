/**
 * Done when: "20,000 forms check within a 2 GB heap": `node --max-old-space-size=2048 bin/ziping.js check --json`
 * on a generated 20,000-form workbook, once (it takes tens of seconds). Passes when the check ends normally and its
 * report counts all 20,000 forms.
 */
const { statSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { summarize } = require("./lib/measure");
const { zipingCheck } = require("./lib/checks");

exports.what = "Done when: 20,000 forms checked with node --max-old-space-size=2048";

exports.run = async function run(emit, bench) {
  const forms = bench.quick ? 5000 : 20000;
  const file = await bench.workbook(forms);
  const sample = zipingCheck(bench, file, { nodeArgs: ["--max-old-space-size=2048"] })();
  const ok = (sample.status === 0 || sample.status === 1) && sample.summary?.forms === forms;
  // a refused file's report is small: say why it was refused
  const report = join(bench.tmp, "check-report.json");
  const error = statSync(report).size < 1 << 20 ? JSON.parse(readFileSync(report, "utf8")).files?.[0]?.error : null;
  emit({
    id: `heap-${forms}`,
    what: `${forms === 20000 ? "Done when" : "--quick, not the Done-when 20,000"}: ziping check --json of ${forms.toLocaleString("en")} forms (${(statSync(file).size / 1048576).toFixed(1)} MB .xlsx) within a 2 GB heap`,
    runs: 1,
    subject: summarize("node --max-old-space-size=2048 ziping check", [sample]),
    details: [
      `exit status ${sample.status}, forms reported: ${sample.summary?.forms ?? "no report"}${error ? `; file refused: ${error.code} ${error.message}` : ""}${ok || error ? "" : `; stderr: ${String(sample.stderr).slice(-300)}`}`,
    ],
    refusal: error ?? undefined,
    budget: `ends normally with all ${forms} forms reported, heap limited to 2 GB`,
    pass: ok,
  });
};
