/**
 * .xlsx measurements for `npm run bench` (after `npm run build`), each command in its own process timed by
 * /usr/bin/time (wall seconds and peak RSS):
 *  - the readers compared on the 500-form workbook: exceljs 4.4.0 (load + every cell) and ours (readWorkbook);
 *  - `ziping check` and `ziping fix` on a workbook near the read limits (seed forms + a sheet of ~1.9 million cells);
 *  - `ziping check` on a 200 MB-uncompressed workbook (refused with FILE_TOO_LARGE).
 * Large inputs are streamed into the zip (fflate), never held uncompressed.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, writeFileSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { tmpdir } = require("node:os");
const { unzipSync, strToU8, strFromU8, Zip, ZipDeflate } = require("fflate");

const root = join(__dirname, "..");
const BIN = join(root, "bin", "ziping.js");
const SAMPLE = join(root, "samples", "seed-forms-2023.xlsx");

/** Run a command under /usr/bin/time: wall seconds, peak RSS in MB, exit status, stdout. */
function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  return { seconds, peakRssMB: Math.round(kb / 1024), exitStatus: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sample's parts plus one more worksheet whose rows are streamed in; returns the file path. */
function workbookWithBigSheet(path, rows, rowXml) {
  const parts = unzipSync(readFileSync(SAMPLE));
  const chunks = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (name, bytes) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(bytes, true);
  };
  const text = (name) => strFromU8(parts[name]);
  parts["[Content_Types].xml"] = strToU8(text("[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/worksheets/big.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  parts["xl/_rels/workbook.xml.rels"] = strToU8(text("xl/_rels/workbook.xml.rels").replace("</Relationships>", '<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/big.xml"/></Relationships>'));
  parts["xl/workbook.xml"] = strToU8(text("xl/workbook.xml").replace("</sheets>", '<sheet name="明细" sheetId="999" r:id="rIdBig"/></sheets>'));
  for (const [name, bytes] of Object.entries(parts)) add(name, bytes);
  const big = new ZipDeflate("xl/worksheets/big.xml", { level: 1 });
  zip.add(big);
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
  zip.end();
  writeFileSync(path, Buffer.concat(chunks));
  return { path, xmlMB: Math.round(big.size / 1048576) };
}

const cols = "ABCDEFGHIJ";
const row10 = (r) => `<row r="${r}">${[...cols].map((c, i) => (i % 3 === 0 ? `<c r="${c}${r}"><v>${r * 1.25 + i}</v></c>` : i % 3 === 1 ? `<c r="${c}${r}" t="inlineStr"><is><t>备注${r % 997}</t></is></c>` : `<c r="${c}${r}"><f>A${r}*2</f><v>${r * 2.5}</v></c>`)).join("")}</row>`;

exports.run = async function run(emit) {
  const dir = mkdtempSync(join(tmpdir(), "ziping-xlsx-bench-"));
  const forms500 = process.env.ZIPING_BENCH_500;
  if (forms500) {
    const script = (body) => ["node", "-e", body, forms500];
    const exceljs = timed(script(`const E=require(${JSON.stringify(require.resolve("exceljs"))});const wb=new E.Workbook();wb.xlsx.readFile(process.argv[1]).then(()=>{let n=0;wb.eachSheet(ws=>ws.eachRow({includeEmpty:true},row=>row.eachCell({includeEmpty:true},()=>n++)));console.log(n)})`));
    const ours = timed(script(`const {readWorkbook}=require(${JSON.stringify(join(root, "dist", "node", "adapters", "xlsx", "readWorkbook"))});readWorkbook(require("fs").readFileSync(process.argv[1])).then(r=>console.log(r.ok?r.grids.reduce((n,g)=>n+g.cells.size,0):r.message))`));
    emit({ bench: "reader-exceljs", what: "exceljs 4.4.0: load the 500-form workbook and visit every cell", seconds: exceljs.seconds, peakRssMB: exceljs.peakRssMB });
    emit({ bench: "reader-ziping", what: "readWorkbook (fflate + saxes, sparse grids): the 500-form workbook", seconds: ours.seconds, peakRssMB: ours.peakRssMB });
    const fix = timed(["node", BIN, "fix", forms500, "--out", join(dir, "forms-500-scored.xlsx")]);
    emit({ bench: "cli-fix-500", what: "ziping fix on the 500-form workbook (surgical copy)", seconds: fix.seconds, peakRssMB: fix.peakRssMB, exitStatus: fix.exitStatus });
  }

  const near = workbookWithBigSheet(join(dir, "near-limit.xlsx"), 190000, row10);
  const check = timed(["node", BIN, "check", "--json", near.path]);
  const report = check.exitStatus !== null && check.stdout ? JSON.parse(check.stdout) : null;
  emit({ bench: "cli-check-near-limit", what: `ziping check: 11 seed forms + a sheet of 1.9 million cells (${near.xmlMB} MB of XML)`, seconds: check.seconds, peakRssMB: check.peakRssMB, exitStatus: check.exitStatus, forms: report?.summary.forms, error: report?.files[0].error?.code ?? null, budget: "< 60 s, < 1024 MB" });
  const fix = timed(["node", BIN, "fix", near.path, "--out", join(dir, "near-limit-scored.xlsx")]);
  emit({ bench: "cli-fix-near-limit", what: "ziping fix on the same workbook (the big sheet copied as it is)", seconds: fix.seconds, peakRssMB: fix.peakRssMB, exitStatus: fix.exitStatus });

  const huge = workbookWithBigSheet(join(dir, "200mb.xlsx"), 450000, row10);
  const refused = timed(["node", BIN, "check", "--json", huge.path]);
  const r2 = refused.stdout ? JSON.parse(refused.stdout) : null;
  emit({ bench: "cli-check-200mb", what: `ziping check on a ${huge.xmlMB} MB-uncompressed workbook`, seconds: refused.seconds, peakRssMB: refused.peakRssMB, error: r2?.files[0].error?.code ?? null, budget: "FILE_TOO_LARGE in < 1 s, or a report in < 60 s under 1024 MB" });
};
