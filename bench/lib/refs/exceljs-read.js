#!/usr/bin/env node
/** Reference: a bare exceljs 4.4.0 read of a workbook (`new ExcelJS.Workbook().xlsx.readFile`), nothing more. */
const ExcelJS = require("exceljs");

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(
  () => undefined,
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
