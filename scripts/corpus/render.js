#!/usr/bin/env node
"use strict";
// npm run corpus:render — test/corpus/forms/*.json → test/corpus/xlsx/*.xlsx (only those whose JSON is newer, or all
// with --all; --only ID for the forms whose id contains ID). The workbook is written by exceljs, as another program would write an accountant's file.
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");
const { layoutTable } = require("./layout");

const root = path.join(__dirname, "..", "..", "test", "corpus");
const formsDir = path.join(root, "forms");
const xlsxDir = path.join(root, "xlsx");

async function render(jsonPath, outPath) {
  const form = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
  const { cells, merges } = layoutTable(form.rows, { textNumbers: form.textNumbers });
  const wb = new ExcelJS.Workbook();
  // a fixed date keeps the bytes of an unchanged form the same
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
  const ws = wb.addWorksheet(form.sheet ?? "自评表");
  for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const c of cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (typeof c.value === "number" && c.decimals) cell.numFmt = `0.${"0".repeat(c.decimals)}`;
    cell.alignment = { wrapText: true, vertical: "middle" };
  }
  const width = Math.max(...form.rows.map((r) => r.reduce((n, x) => n + ((x && x.cs) || 1), 0)), 1);
  for (let c = 1; c <= width; c++) ws.getColumn(c).width = 14;
  await wb.xlsx.writeFile(outPath);
}

async function main() {
  const args = process.argv.slice(2);
  const all = args.includes("--all");
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  fs.mkdirSync(xlsxDir, { recursive: true });
  let n = 0;
  for (const name of fs.readdirSync(formsDir).filter((f) => f.endsWith(".json") && (!only || f.includes(only))).sort()) {
    const src = path.join(formsDir, name);
    const out = path.join(xlsxDir, name.replace(/\.json$/, ".xlsx"));
    if (!all && fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(src).mtimeMs) continue;
    try {
      await render(src, out);
      n += 1;
    } catch (e) {
      console.error(`${name}: ${e.message}`);
      process.exitCode = 1;
    }
  }
  console.log(`corpus: ${n} workbook(s) rendered into test/corpus/xlsx`);
}

main();
