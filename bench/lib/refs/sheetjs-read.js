#!/usr/bin/env node
/**
 * Reference (issue 23): SheetJS 0.20.3 (the npm build @e965/xlsx) reads a workbook into dense sheets and every cell's
 * value is visited. Prints the count of cells.
 */
const XLSX = require("@e965/xlsx");

const wb = XLSX.readFile(process.argv[2], { dense: true });
let cells = 0;
for (const name of wb.SheetNames) {
  const rows = wb.Sheets[name]["!data"] ?? [];
  for (const row of rows) {
    if (!row) continue;
    for (const cell of row) {
      if (cell && cell.v !== undefined) cells++;
    }
  }
}
process.stdout.write(`${cells}\n`);
