/**
 * Written cells in Excel (rules.md §5): 写入计算结果 marks every cell it writes with its own colour and returns the
 * list (previous → new, why) for the pane and the ribbon's dialog; 清除标注 removes those marks with the others.
 */
import { ALL_CAPABILITIES, clearHighlights, createExcelHost, validateAndScoreSheet } from "../../src/adapters/excel";
import { highlightHex, toA1 } from "../../src/engine";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";

function book() {
  const { spec } = seedSheet(SEED_FORMS[0], { blank: { rates: true, grade: true } });
  const sheet = FakeSheet.fromSpec(spec);
  return { book: new FakeWorkbook(sheet), sheet };
}

describe("written cells in Excel", () => {
  it("写入计算结果 marks the written cells green and lists them; a check without writing lists them as pending, unmarked", async () => {
    const { book: wb, sheet } = book();
    const check = await validateAndScoreSheet(asContext(new FakeContext(wb)), { write: false, capabilities: ALL_CAPABILITIES });
    if (!check.ok) throw new Error(check.message);
    expect(check.writes.map((w) => [w.cell, w.what, w.previous, w.value])).toEqual([
      ["H6", "执行率（年度资金总额）", "", "93.77"],
      ["H7", "执行率（其中：当年财政拨款）", "", "93.77"],
      [check.report.form!.grade.cell, "评分等级", "", "优"],
    ]);
    expect(sheet.rules.filter((r) => r.fill === highlightHex("written"))).toEqual([]);

    const wrote = await validateAndScoreSheet(asContext(new FakeContext(wb)), { write: true, capabilities: ALL_CAPABILITIES });
    if (!wrote.ok) throw new Error(wrote.message);
    const green = sheet.rules.filter((r) => r.fill === highlightHex("written"));
    // each rule added takes the top priority (ConditionalFormatCollection.add): the last one added comes first
    expect(green.map((r) => toA1({ row: r.area.top, col: r.area.left }))).toEqual(wrote.writes.map((w) => w.cell).reverse());
    expect(green.every((r) => r.formula === '=LEN("ziping:written")>0')).toBe(true);

    const cleared = await clearHighlights(asContext(new FakeContext(wb)), ALL_CAPABILITIES);
    expect(cleared).toMatchObject({ ok: true, cleared: wrote.highlighted + wrote.writes.length });
    expect(sheet.rules).toEqual([]);
  });

  it("the Excel host tells the pane which sheet is active", async () => {
    const { book: wb, sheet } = book();
    const host = createExcelHost((batch) => batch(asContext(new FakeContext(wb))));
    expect(await host.activeSheet!()).toBe(sheet.name);
    const failing = createExcelHost(() => Promise.reject(new Error("GeneralException")));
    expect(await failing.activeSheet!()).toBeNull();
  });
});
