/**
 * The read limits (issue 11), optional (`npm run bench -- --only limits` or `--all`: about a minute, and not in
 * issue 12's Done when), one run each under /usr/bin/time:
 *  - `ziping check` and `ziping fix` on a workbook near the read limits (seed forms + a sheet of ~1.9 million cells);
 *  - `ziping check` on a 200 MB-uncompressed workbook (refused with FILE_TOO_LARGE).
 * Large inputs are streamed into the zip (fflate), never held uncompressed.
 */
const { mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { summarize } = require("./lib/measure");
const { join } = require("node:path");
const { tmpdir } = require("node:os");
const { unzipSync, strToU8, strFromU8 } = require("fflate");
const { streamingZip } = require("./lib/workbooks");

const root = join(__dirname, "..");
const SAMPLE = join(root, "samples", "seed-forms-2023.xlsx");


/** The sample's parts plus one more worksheet whose rows are streamed in; returns the file path. */
function workbookWithBigSheet(path, rows, rowXml) {
  const parts = unzipSync(readFileSync(SAMPLE));
  const zip = streamingZip();
  const text = (name) => strFromU8(parts[name]);
  parts["[Content_Types].xml"] = strToU8(text("[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/worksheets/big.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  parts["xl/_rels/workbook.xml.rels"] = strToU8(text("xl/_rels/workbook.xml.rels").replace("</Relationships>", '<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/big.xml"/></Relationships>'));
  parts["xl/workbook.xml"] = strToU8(text("xl/workbook.xml").replace("</sheets>", '<sheet name="明细" sheetId="999" r:id="rIdBig"/></sheets>'));
  for (const [name, bytes] of Object.entries(parts)) zip.add(name, bytes);
  const big = zip.part("xl/worksheets/big.xml", 1);
  big.push(strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  let batch = "";
  for (let r = 1; r <= rows; r++) {
    batch += rowXml(r);
    if (batch.length > 1 << 20) {
      big.push(strToU8(batch));
      batch = "";
    }
  }
  big.push(strToU8(`${batch}</sheetData></worksheet>`), true);
  zip.save(path);
  return { path, xmlMB: Math.round(big.size / 1048576) };
}

const cols = "ABCDEFGHIJ";
const row10 = (r) => `<row r="${r}">${[...cols].map((c, i) => (i % 3 === 0 ? `<c r="${c}${r}"><v>${r * 1.25 + i}</v></c>` : i % 3 === 1 ? `<c r="${c}${r}" t="inlineStr"><is><t>备注${r % 997}</t></is></c>` : `<c r="${c}${r}"><f>A${r}*2</f><v>${r * 2.5}</v></c>`)).join("")}</row>`;

exports.optional = true;
exports.what = "check and fix near the read limits, and a 200 MB workbook refused (issue 11)";

exports.run = async function run(emit, bench) {
  const dir = mkdtempSync(join(tmpdir(), "ziping-xlsx-bench-"));
  const one = (label, sample) => summarize(label, [sample]);
  const near = workbookWithBigSheet(join(dir, "near-limit.xlsx"), 190000, row10);
  const out = join(dir, "near-limit.json");
  const check = bench.ziping(["check", "--json", near.path], { stdoutFile: out });
  const report = JSON.parse(readFileSync(out, "utf8"));
  emit({
    id: "limits-check",
    what: `ziping check: 11 seed forms + a sheet of 1.9 million cells (${near.xmlMB} MB of XML)`,
    runs: 1,
    subject: one("ziping check --json", check),
    details: [`forms ${report.summary.forms}, error ${report.files[0].error?.code ?? "none"}`],
    budget: "< 60 s, < 1024 MB (issue 11)",
    pass: check.wall < 60 && check.rssMB < 1024 && !report.files[0].error,
  });
  const fix = bench.ziping(["fix", near.path, "--out", join(dir, "near-limit-scored.xlsx")]);
  emit({ id: "limits-fix", what: "ziping fix on the same workbook (the big sheet copied as it is)", runs: 1, subject: one("ziping fix", fix), budget: "< 60 s, < 1024 MB (issue 11)", pass: fix.wall < 60 && fix.rssMB < 1024 && fix.status <= 1 });
  const huge = workbookWithBigSheet(join(dir, "200mb.xlsx"), 450000, row10);
  const out2 = join(dir, "200mb.json");
  const refused = bench.ziping(["check", "--json", huge.path], { stdoutFile: out2 });
  const code = JSON.parse(readFileSync(out2, "utf8")).files[0].error?.code ?? null;
  emit({
    id: "limits-200mb",
    what: `ziping check on a ${huge.xmlMB} MB-uncompressed workbook`,
    runs: 1,
    subject: one("ziping check --json", refused),
    details: [`error ${code ?? "none"}`],
    budget: "FILE_TOO_LARGE in < 1 s, or a report in < 60 s under 1024 MB (issue 11)",
    pass: code === "FILE_TOO_LARGE" ? refused.wall < 1 : refused.wall < 60 && refused.rssMB < 1024,
  });
  rmSync(dir, { recursive: true, force: true });
};
