#!/usr/bin/env node
/**
 * Prints, as JSON, the gzipped size of the JavaScript each built page loads first (the <script src> tags that
 * webpack put in dist/*.html, not the office.js CDN script), against the task pane's 250 KB budget, and the
 * lazily loaded chunks (exceljs for file mode) separately. Exit code 1 when the task pane is over budget.
 * Usage: node scripts/measureBundle.js [distDir]   (run `npm run build:web` first)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_BYTES = 250 * 1024;
const dist = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function initialScripts(html) {
  return [...fs.readFileSync(path.join(dist, html), "utf8").matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
  process.stderr.write(`no build in ${dist}: run npm run build:web first\n`);
  process.exit(2);
}

const pages = {};
const initial = new Set();
for (const html of ["taskpane.html", "commands.html", "result.html"]) {
  if (!fs.existsSync(path.join(dist, html))) continue;
  const files = initialScripts(html);
  files.forEach((f) => initial.add(f));
  const sizes = files.map((f) => ({ file: f, bytes: fs.statSync(path.join(dist, f)).size, gzipBytes: gzipSize(path.join(dist, f)) }));
  pages[html] = { files: sizes, gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0) };
}
const lazy = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith(".js") && !initial.has(f))
  .map((f) => ({ file: f, bytes: fs.statSync(path.join(dist, f)).size, gzipBytes: gzipSize(path.join(dist, f)) }));

const taskpane = pages["taskpane.html"].gzipBytes;
const report = {
  taskpaneInitialGzipBytes: taskpane,
  taskpaneInitialGzipKB: Math.round((taskpane / 1024) * 10) / 10,
  budgetGzipBytes: BUDGET_BYTES,
  withinBudget: taskpane <= BUDGET_BYTES,
  pages,
  lazyChunks: lazy,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.withinBudget ? 0 : 1;
