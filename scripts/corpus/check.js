#!/usr/bin/env node
"use strict";
// npm run corpus — every test/corpus/xlsx/*.xlsx checked by the built `ziping check --json` (one file at a time, so
// that no check across files adds to a form's findings) and compared with its forms/*.json `expected`.
// Prints what each form got wrong and the figure; exit 1 when a form was not read right.
//   --json     the per-form results as JSON on stdout instead of text
//   --only ID  just the forms whose id contains ID
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { comparisonOf } = require("./compare");

const root = path.join(__dirname, "..", "..");
const corpus = path.join(root, "test", "corpus");
const bin = path.join(root, "bin", "ziping.js");

function checkJson(file) {
  try {
    return JSON.parse(execFileSync(process.execPath, [bin, "check", "--json", file], { encoding: "utf8", maxBuffer: 64 << 20 }));
  } catch (e) {
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw new Error(`ziping check failed (exit ${e.status}): ${String(e.stderr || e.message).slice(0, 300)}`);
  }
}

function main() {
  const args = process.argv.slice(2);
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  if (!fs.existsSync(path.join(root, "dist", "node", "cli", "ziping.js"))) {
    console.error("corpus: run `npm run build` first (dist/node is missing)");
    process.exit(2);
  }
  const names = fs.readdirSync(path.join(corpus, "forms")).filter((f) => f.endsWith(".json") && (!only || f.includes(only))).sort();
  const results = [];
  for (const name of names) {
    const form = JSON.parse(fs.readFileSync(path.join(corpus, "forms", name), "utf8"));
    const xlsx = path.join(corpus, "xlsx", name.replace(/\.json$/, ".xlsx"));
    let misses;
    let errorsOnRight = false;
    if (!fs.existsSync(xlsx)) misses = ["no .xlsx rendering (npm run corpus:render)"];
    else {
      const report = checkJson(xlsx);
      const c = comparisonOf(report, form.expected);
      misses = c.misses;
      errorsOnRight = form.expected.errors.length === 0 && c.errorCodes.length > 0;
    }
    results.push({ id: form.id, province: form.province, kind: form.kind, cut: !!form.cut, ok: misses.length === 0, errorsOnRight, misses });
  }
  const good = results.filter((r) => r.ok).length;
  const provinces = new Set(results.map((r) => r.province));
  const byKind = {};
  for (const r of results) {
    byKind[r.kind] ??= { forms: 0, right: 0 };
    byKind[r.kind].forms += 1;
    if (r.ok) byKind[r.kind].right += 1;
  }
  const falseErrors = results.filter((r) => r.errorsOnRight).length;
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ forms: results.length, right: good, provinces: provinces.size, falseErrors, byKind, results }, null, 1)}\n`);
  } else {
    for (const r of results) if (!r.ok) console.log(`MISS ${r.id}${r.cut ? " (cut copy)" : ""}: ${r.misses.join("; ")}`);
    const kinds = Object.entries(byKind).map(([k, v]) => `${k} ${v.right}/${v.forms}`).join(", ");
    console.log(`corpus: ${good}/${results.length} forms read right (${results.length ? ((100 * good) / results.length).toFixed(1) : "0.0"}%) from ${provinces.size} provinces; ${falseErrors} correct form(s) with an error finding; ${kinds}`);
  }
  process.exitCode = good === results.length ? 0 : 1;
}

main();
