#!/usr/bin/env node
/** Reference for `ziping fix`: exceljs 4.4.0 reads a workbook and writes it back to another file. */
const ExcelJS = require("exceljs");

(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  await wb.xlsx.writeFile(process.argv[3]);
})().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
