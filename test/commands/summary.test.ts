import { changedForm } from "../fixtures/cleanForm";
import { checkWorkbook } from "../../src/app";
import { validateSummary, writtenLine } from "../../src/commands/summary";
import { getProfile } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

describe("the ribbon's result dialog", () => {
  it("says how many cells were written, which, how they are marked and where to see what they held", () => {
    const [sheet] = checkWorkbook([specToGrid(seedSheet(SEED_FORMS[0], { blank: { rates: true, grade: true } }).spec)], profile).sheets;
    const summary = validateSummary({ ok: true, report: sheet.report, profileId: profile.id, written: sheet.writes.length, pending: 0, highlighted: 7, writes: sheet.writes, details: {} });
    expect(summary.title).toBe("总分 96.37 · 评分等级 优");
    expect(summary.lines[2]).toBe(
      "已写入 3 个单元格：H6 执行率（年度资金总额）、H7 执行率（其中：当年财政拨款）、C23 评分等级。写入的单元格标为绿色；原值在面板的“已写入”中，“撤销上次写入”可恢复。",
    );
    expect(summary.lines[3]).toContain("已标注 7 个有问题的单元格（红色为错误、黄色为警告");
  });

  it("nothing written: says so", () => {
    const [sheet] = checkWorkbook([specToGrid(seedSheet(SEED_FORMS[0]).spec)], profile).sheets;
    const summary = validateSummary({ ok: true, report: sheet.report, profileId: profile.id, written: 0, pending: 0, highlighted: 0, writes: [], details: {} });
    expect(summary.lines[2]).toBe("计算结果与表中一致，未写入任何单元格。");
  });

  it("a form without a grade (it does not add up at its root) gets its 得分合计, not a 总分 verdict", () => {
    const [sheet] = checkWorkbook([specToGrid(changedForm([{ row: 15, col: 7, value: 40 }, { row: 15, col: 8, value: 40 }]))], profile).sheets;
    const summary = validateSummary({ ok: true, report: sheet.report, profileId: profile.id, written: 0, pending: 0, highlighted: 0, writes: [], details: {} });
    expect(summary.title).toBe("得分合计 109.37（未评定等级）");
    expect(summary.lines).toContain("分值合计为 110.00，不是 100.00，不给出总分和评分等级");
  });

  it("lists a few cells, then how many in all", () => {
    const w = (cell: string) => ({ sheet: "表1", cell, kind: "rate" as const, what: "执行率", previous: "", value: "1", why: "" });
    expect(writtenLine([w("H6"), w("H7")], 2)).toMatch(/^已写入 2 个单元格：H6 执行率、H7 执行率。/);
    expect(writtenLine([w("H6"), w("H7"), w("H8")], 3, 2)).toMatch(/^已写入 3 个单元格：H6 执行率、H7 执行率 等 3 个。/);
  });
});
