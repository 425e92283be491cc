#!/usr/bin/env node
/**
 * Reference for `ziping fix` (issue 23): SheetJS 0.20.3 (@e965/xlsx) reads a workbook and writes it back to another
 * file as .xlsx, deflated as a workbook is (`compression: true`; `--store` writes it as SheetJS does by default,
 * uncompressed, a file some ten times the size).
 */
const XLSX = require("@e965/xlsx");

const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const wb = XLSX.readFile(input);
XLSX.writeFile(wb, output, { compression: !process.argv.includes("--store") });
