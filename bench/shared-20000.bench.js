/**
 * Done when (issue 23): "20,000 forms that share standard rows: ≤ 2.0× the same pass, in ≤ 400 MB (today 229 s /
 * 1.7 GB), with the same findings." A generated workbook of 20,000 seed forms whose copies of a seed form keep its
 * 满意度 rows as they are (bench/lib/workbooks.js, sharedRows), checked by `ziping check --json` as shipped (a workbook
 * this large is checked in parts on a 2-core machine: checkParts.ts), against the bare inflate + saxes pass of the
 * same file, alternating; one run each by default (--runs N for more). The findings: the report's counts of the
 * checks across forms, printed to compare between commits; that they equal the pairwise check's is what
 * test/engine/findings/crossFormChecks.test.ts asserts (the pairwise check itself takes minutes at this size).
 */
const { createReadStream, statSync } = require("node:fs");
const { join } = require("node:path");
const { alternate, summarize, compare } = require("./lib/measure");
const { zipingCheck, bareRead, formsChecked } = require("./lib/checks");

exports.what = "Done when: 20,000 forms sharing their 满意度 rows, ≤ 2× the bare pass, ≤ 400 MB";

const ACROSS = ["GOAL_COPIED_FROM_OTHER_FORM", "PROJECT_DUPLICATED", "INDICATORS_COPIED_FROM_OTHER_FORM"];

/** How many findings of each code across forms a (very large) JSON report holds, read as a stream. */
async function acrossCounts(file) {
  const counts = Object.fromEntries(ACROSS.map((c) => [c, 0]));
  const pattern = new RegExp(`"code": "(${ACROSS.join("|")})"`, "g");
  let tail = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = tail + chunk;
    // a match wholly in the tail was counted with the chunk before; one the chunk's end cut is counted now
    for (const m of text.matchAll(pattern)) if (m.index + m[0].length > tail.length) counts[m[1]]++;
    tail = text.slice(-64);
  }
  return counts;
}

exports.run = async function run(emit, bench) {
  const forms = bench.quick ? 5000 : 20000;
  const file = await bench.sharedWorkbook(forms);
  const runs = bench.runs(1, 1);
  const s = await alternate(runs, { ziping: zipingCheck(bench, file), bare: bareRead(bench, file) });
  const c = compare(summarize("ziping check --json", s.ziping), [summarize("bare pass: zlib inflate + saxes", s.bare)]);
  const counts = await acrossCounts(join(bench.tmp, "check-report.json"));
  const ratio = c.references[0].ratio.wall;
  const rss = c.subject.rssMB.median;
  const all = s.ziping.every((x) => x.summary?.forms === forms);
  emit({
    id: `shared-${forms}`,
    what: `${forms === 20000 ? "Done when" : "--quick, not the Done-when 20,000"}: ziping check --json of ${forms.toLocaleString("en")} forms sharing their 满意度 rows (${(statSync(file).size / 1048576).toFixed(1)} MB .xlsx)`,
    runs,
    alternating: true,
    ...c,
    details: [
      `wall ×${ratio} of the bare pass (≤ 2.0: ${ratio <= 2 ? "pass" : "FAIL"}); peak RSS ${rss} MB (≤ 400: ${rss <= 400 ? "pass" : "FAIL"}); forms reported: ${formsChecked(s.ziping)}`,
      `findings across forms in the last report: ${ACROSS.map((code) => `${code} ${counts[code]}`).join(", ")}`,
    ],
    acrossForms: counts,
    budget: "≤ 2.0× the bare pass, peak RSS ≤ 400 MB, all forms reported",
    pass: all && ratio <= 2 && rss <= 400,
  });
};
