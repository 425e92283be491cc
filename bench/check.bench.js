/**
 * `ziping check --json` of generated workbooks of 500 and 5,000 seed forms (every copy its own project), against
 * two references measured in the same call, alternating: a bare exceljs 4.4.0 read of the same file and openpyxl's
 * read-only mode visiting every cell. The issue gives no budget for these (the 2,000-form figure has one).
 */
const { alternate, summarize, compare } = require("./lib/measure");
const { zipingCheck, exceljsRead, openpyxlRead, formsChecked } = require("./lib/checks");

exports.what = "ziping check --json of 500 and 5,000 forms vs exceljs read and openpyxl read_only";

exports.run = async function run(emit, bench) {
  const sizes = bench.quick ? [[500, bench.runs()]] : [[500, bench.runs()], [5000, bench.runs(3, 3)]];
  for (const [forms, runs] of sizes) {
    const file = await bench.workbook(forms);
    const s = await alternate(runs, { ziping: zipingCheck(bench, file), exceljs: exceljsRead(bench, file), openpyxl: openpyxlRead(bench, file) });
    const c = compare(summarize("ziping check --json", s.ziping), [summarize("exceljs 4.4.0 readFile (bare)", s.exceljs), summarize("openpyxl 3.0.9 read_only, every cell", s.openpyxl)]);
    const ok = s.ziping.every((x) => x.summary?.forms === forms);
    emit({
      id: `check-${forms}`,
      what: `ziping check --json, ${forms.toLocaleString("en")} forms in one workbook`,
      runs,
      alternating: true,
      ...c,
      details: [`forms reported: ${formsChecked(s.ziping)}`],
      budget: `no Done-when budget; every run reports all ${forms} forms`,
      pass: ok,
    });
  }
};
