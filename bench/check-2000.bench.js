/**
 * Done when (issue 23): "2,000 forms: `ziping check --json` ≤ 2.0× the bare inflate + saxes pass, and ≥ 2× faster
 * than SheetJS and openpyxl read_only; peak RSS ≤ 100 MB (same machine, same run, medians of ≥ 5 alternating runs)".
 * Every contestant reads the same generated workbook, in turn, the order flipped every round:
 * - the bare pass (bench/lib/refs/bare-inflate-saxes.js): every XML part inflated by zlib and parsed by saxes, nothing
 *   kept — the least a reader of this design does; and zlib's inflate alone beside it;
 * - SheetJS 0.20.3 (@e965/xlsx, dense sheets, every cell visited), openpyxl 3.0.9 read_only (every cell), exceljs
 *   4.4.0 readFile (issue 12's reference, kept);
 * - calamine, when a built reader is on this machine (ZIPING_BENCH_CALAMINE: a command taking the file; none is
 *   shipped: it is built from its source, which this repository does not hold).
 */
const { alternate, summarize, compare } = require("./lib/measure");
const { zipingCheck, exceljsRead, openpyxlRead, bareRead, sheetjsRead, calamineRead, formsChecked } = require("./lib/checks");

exports.what = "Done when: 2,000 forms, ziping check ≤ 2× the bare inflate + saxes pass, ≥ 2× faster than SheetJS and openpyxl, ≤ 100 MB";

exports.run = async function run(emit, bench) {
  const forms = 2000;
  const file = await bench.workbook(forms);
  const runs = bench.runs(5, 3);
  const contestants = {
    ziping: zipingCheck(bench, file),
    bare: bareRead(bench, file),
    inflate: bareRead(bench, file, { inflateOnly: true }),
    sheetjs: sheetjsRead(bench, file),
    openpyxl: openpyxlRead(bench, file),
    exceljs: exceljsRead(bench, file),
  };
  const calamine = calamineRead(bench, file);
  if (calamine) contestants.calamine = calamine;
  const s = await alternate(runs, contestants);
  const c = compare(summarize("ziping check --json", s.ziping), [
    summarize("bare pass: zlib inflate + saxes", s.bare),
    summarize("zlib inflate alone", s.inflate),
    summarize("SheetJS 0.20.3 dense, every cell", s.sheetjs),
    summarize("openpyxl 3.0.9 read_only, every cell", s.openpyxl),
    summarize("exceljs 4.4.0 readFile", s.exceljs),
    ...(s.calamine ? [summarize("calamine (built here)", s.calamine)] : []),
  ]);
  const [bare, , sheetjs, openpyxl] = c.references;
  const rss = c.subject.rssMB.median;
  const allForms = s.ziping.every((x) => x.summary?.forms === forms);
  const checks = [
    [`wall ×${bare.ratio.wall} of the bare pass`, "≤ 2.0", bare.ratio.wall <= 2],
    [`×${sheetjs.ratio.wall} of SheetJS`, "≤ 0.5", sheetjs.ratio.wall <= 0.5],
    [`×${openpyxl.ratio.wall} of openpyxl`, "≤ 0.5", openpyxl.ratio.wall <= 0.5],
    [`peak RSS ${rss} MB`, "≤ 100", rss <= 100],
  ];
  emit({
    id: "check-2000",
    what: "Done when (issue 23): ziping check --json of 2,000 forms against the bare pass and the other readers, same run",
    runs,
    alternating: true,
    ...c,
    details: [...checks.map(([what, budget, ok]) => `${what} (${budget}: ${ok ? "pass" : "FAIL"})`), `forms reported: ${formsChecked(s.ziping)}${contestants.calamine ? "" : "; calamine: not on this machine (ZIPING_BENCH_CALAMINE unset)"}`],
    budget: "≤ 2.0× the bare inflate + saxes pass, ≤ 0.5× SheetJS and openpyxl read_only, peak RSS ≤ 100 MB (medians of 5 alternating runs)",
    pass: allForms && checks.every(([, , ok]) => ok),
  });
};
