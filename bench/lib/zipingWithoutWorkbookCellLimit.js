#!/usr/bin/env node
/**
 * Diagnostic only (bench/heap-unlimited.bench.js): the built `ziping` with the workbook-wide cell limit
 * (DEFAULT_LIMITS.workbookCells, 5 million) lifted, to see what a check of a bigger workbook costs in time and memory
 * once that limit is no longer what stops it. Everything else is the CLI as built.
 */
const { join } = require("node:path");

const dist = join(__dirname, "..", "..", "dist", "node");
const limits = require(join(dist, "adapters", "xlsx", "limits.js"));
// the readers take DEFAULT_LIMITS from the module's exports when called, so replacing it here takes effect
limits.DEFAULT_LIMITS = Object.freeze({ ...limits.DEFAULT_LIMITS, workbookCells: Number.MAX_SAFE_INTEGER });
const { main } = require(join(dist, "cli", "ziping.js"));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 3;
  },
);
