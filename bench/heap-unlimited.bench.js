/**
 * Diagnostic, optional (`--only heap-unlimited`): the 20,000-form check of bench/heap.bench.js with the workbook-wide
 * cell limit lifted (bench/lib/zipingWithoutWorkbookCellLimit.js), in a 2 GB heap: whether the heap would hold, and
 * the time and peak RSS. Not a Done-when figure (it is not the shipped command), so it has no pass/fail.
 */
const { join } = require("node:path");
const { summarize } = require("./lib/measure");
const { reportSummary } = require("./lib/checks");

exports.optional = true;
exports.what = "diagnostic: 20,000 forms in a 2 GB heap with the 5-million-cell workbook limit lifted";

exports.run = async function run(emit, bench) {
  const forms = 20000;
  const file = await bench.workbook(forms);
  const out = join(bench.tmp, "unlimited-report.json");
  const sample = bench.timed(process.execPath, ["--max-old-space-size=2048", join(__dirname, "lib", "zipingWithoutWorkbookCellLimit.js"), "check", "--json", file], { stdoutFile: out });
  const summary = reportSummary(out);
  emit({
    id: `heap-unlimited-${forms}`,
    what: `diagnostic: ziping check --json of ${forms.toLocaleString("en")} forms in a 2 GB heap, workbook cell limit lifted`,
    runs: 1,
    subject: summarize("ziping check (no workbook cell limit)", [sample]),
    details: [`exit status ${sample.status}, forms reported: ${summary?.forms ?? "no report"}${sample.status > 1 ? `; stderr: ${String(sample.stderr).slice(-300)}` : ""}`],
    budget: "diagnostic, no budget",
    pass: null,
  });
};
