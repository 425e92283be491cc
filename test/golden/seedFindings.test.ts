/**
 * test/golden/seed-findings.zh-CN.md — every finding on the 11 seed forms with its cells and Chinese message,
 * for reviewers to read in diffs. `UPDATE_GOLDEN=1 npx jest golden` rewrites it after a deliberate change.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const GOLDEN = join(__dirname, "seed-findings.zh-CN.md");

function render(): string {
  const lines = ["# 种子自评表的校验结果（putuo-2023）", "", "由 `test/golden/seedFindings.test.ts` 生成。", ""];
  for (const form of SEED_FORMS) {
    const r = sheetReport(analyzeSheet(specToGrid(seedSheet(form).spec), getProfile()!));
    lines.push(`## ${form.id}. ${form.title}`, "", `总分 ${r.form!.total.computed}，评分等级 ${r.form!.grade.computed}`, "");
    lines.push("| 代码 | 级别 | 单元格 | 说明 | 计算 |", "| --- | --- | --- | --- | --- |");
    for (const f of r.findings) lines.push(`| ${f.code} | ${f.severity} | ${f.cells.join(" ")} | ${f.message} | ${f.calculation ?? ""} |`);
    lines.push("");
  }
  return lines.join("\n");
}

it("the seed forms' findings are as reviewed", () => {
  const text = render();
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, text);
  expect(readFileSync(GOLDEN, "utf8")).toBe(text);
});
