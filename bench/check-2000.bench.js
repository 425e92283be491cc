/**
 * Done when: "2,000-form workbook: `ziping check --json` ≤ 1.2× the wall time and ≤ 0.5× the peak RSS of a bare
 * exceljs 4.4.0 read of the same file (medians of 3 alternating runs)".
 */
const { alternate, summarize, compare } = require("./lib/measure");
const { zipingCheck, exceljsRead, formsChecked } = require("./lib/checks");

exports.what = "Done when: 2,000 forms, ziping check ≤ 1.2× wall and ≤ 0.5× peak RSS of a bare exceljs read";

exports.run = async function run(emit, bench) {
  const forms = 2000;
  const file = await bench.workbook(forms);
  const runs = bench.runs(3, 3);
  const s = await alternate(runs, { ziping: zipingCheck(bench, file), exceljs: exceljsRead(bench, file) });
  const c = compare(summarize("ziping check --json", s.ziping), [summarize("exceljs 4.4.0 readFile (bare)", s.exceljs)]);
  const ratio = c.references[0].ratio;
  const allForms = s.ziping.every((x) => x.summary?.forms === forms);
  emit({
    id: "check-2000",
    what: "Done when: ziping check --json, 2,000 forms, against a bare exceljs read of the same file",
    runs,
    alternating: true,
    ...c,
    details: [`wall ×${ratio.wall} (≤ 1.2: ${ratio.wall <= 1.2 ? "pass" : "FAIL"}), peak RSS ×${ratio.rss} (≤ 0.5: ${ratio.rss <= 0.5 ? "pass" : "FAIL"}); forms reported: ${formsChecked(s.ziping)}`],
    budget: "wall ≤ 1.2× and peak RSS ≤ 0.5× of the exceljs read (medians of 3 alternating runs)",
    pass: allForms && ratio.wall <= 1.2 && ratio.rss <= 0.5,
  });
};
