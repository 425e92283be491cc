import { appendFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { fixFile } from "../../src/adapters/xlsx/files";
import { analyzeSheet, areaOfRange, buildWritePlan, getProfile, highlightHex, planMarks, sheetReport, toA1 } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import {
  ALL_CAPABILITIES,
  applyPlan,
  checkAllSheets,
  clearHighlights,
  createExcelHost,
  ExcelCapabilities,
  readActiveSheet,
  undoLastWrite,
  validateAndScoreSheet,
  writeSheetSpec,
} from "../../src/adapters/excel";
import { coverSheet, EXPECTED, SEED_FORMS, seedSheet, Variant } from "../fixtures/seedForms";
import { workbookBytes } from "../fixtures/seedWorkbooks";
import { changedForm, CLEAN_FORM } from "../fixtures/cleanForm";
import { tableGrid } from "../fixtures/tableGrid";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";

const profile = getProfile("putuo-2023")!;
const caps: ExcelCapabilities = ALL_CAPABILITIES;
const BLANKS: Variant = { blank: { rates: true, budgetScore: true, total: true, grade: true, indicatorScores: [1] } };

function bookOf(form: (typeof SEED_FORMS)[number], variant: Variant = {}) {
  const { spec, layout } = seedSheet(form, variant);
  const sheet = FakeSheet.fromSpec(spec);
  return { book: new FakeWorkbook(sheet), sheet, spec, layout };
}

/** The plan the engine makes for the same sheet, computed without Excel. */
function enginePlan(spec: ReturnType<typeof seedSheet>["spec"]) {
  const grid = specToGrid(spec);
  const analysis = analyzeSheet(grid, profile);
  return buildWritePlan(analysis.form!, grid, analysis.findings);
}

describe("校验并计分 against a fake Excel that counts round trips", () => {
  describe.each([
    ["as printed", {}],
    ["derived cells and one 得分 blank", BLANKS],
    ["moved, unmerged, % formats", { origin: { row: 4, col: 2 }, unmerged: true, percentFormat: true, blank: { rates: true } }],
  ] as [string, Variant][])("%s", (_name, variant) => {
    it.each(SEED_FORMS.map((f) => [f.id, f] as const))("form %i: one sync to read, one to write, exactly the engine's plan", async (id, form) => {
      const { book, sheet, spec } = bookOf(form, variant);
      const ctx = new FakeContext(book);
      const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: caps });
      if (!result.ok) throw new Error(result.message);
      // `npm run bench` collects these counts (bench/addin.bench.js)
      if (process.env.ZIPING_BENCH_SYNCS) appendFileSync(process.env.ZIPING_BENCH_SYNCS, JSON.stringify({ form: id, variant: _name, syncs: ctx.syncCount }) + "\n");
      expect(ctx.syncCount).toBe(2);

      const plan = enginePlan(spec);
      // the form's cells (the undo snapshot goes to the store sheet: undoStore.ts)
      const onForm = ctx.cellWrites.filter((w) => w.sheet === sheet.name);
      const written = onForm.filter((w) => w.op === "values").map((w) => [w.address, w.value]);
      expect(written).toEqual(plan.writes.map((w) => [toA1(w.cell), w.value]));
      const formats = onForm.filter((w) => w.op === "numberFormat").map((w) => [w.address, w.value]);
      expect(formats).toEqual(plan.writes.filter((w) => w.numberFormat).map((w) => [toA1(w.cell), w.numberFormat]));
      expect(result.written).toBe(plan.writes.length);
      // problem cells in their severity's colour, then every written cell in the "written" colour
      const marks = planMarks(plan, { written: true });
      expect(result.highlighted).toBe(marks.filter((m) => m.kind !== "written").length);
      // each rule added takes the top priority (ConditionalFormatCollection.add), so the last mark added is first
      expect(sheet.rules.map((r) => [toA1({ row: r.area.top, col: r.area.left }), r.fill])).toEqual([...marks].reverse().map((m) => [toA1(m.cell), highlightHex(m.kind)]));
      expect(marks.filter((m) => m.kind === "written").map((m) => toA1(m.cell))).toEqual(plan.writes.map((w) => toA1(w.cell)));

      expect(result.report).toEqual(sheetReport(analyzeSheet(specToGrid(spec), profile)));
      if (!variant.blank?.indicatorScores) expect(result.report.form?.total.computed).toBe(EXPECTED[id].total);
      if (variant.blank) expect(plan.writes.length).toBeGreaterThan(0);

      // the sheet now reads as complete, and a second click writes nothing new; its marks are that run's (the
      // green of the first run's writes gives way, as the pane's 已写入 list does)
      const values = (snap: unknown) => ({ ...(snap as object), rules: undefined });
      const before = sheet.snapshot();
      const again = new FakeContext(book);
      const second = await validateAndScoreSheet(asContext(again), { write: true, capabilities: caps });
      expect(second.ok && second.written).toBe(0);
      expect(again.cellWrites).toEqual([]);
      // the store sheet the first write added (where its undo snapshot is) is another sheet now: one more read
      expect(again.syncCount).toBeLessThanOrEqual(plan.writes.length > 0 ? 3 : 2);
      expect(values(sheet.snapshot())).toEqual(values(before));
      expect(sheet.rules.filter((r) => r.fill === highlightHex("written"))).toEqual([]);
      expect(sheet.rules.length).toBe(second.ok ? second.highlighted : -1);
      const grid = specToGrid(spec);
      expect(second.ok && second.report.form?.total.declared).toBe(result.report.form?.total.computed);
      expect(grid.sheet).toBe(sheet.name);
    });
  });

  it("never writes over a formula or a 得分 the accountant typed", async () => {
    const form = SEED_FORMS[0];
    const { book, sheet, layout } = bookOf(form, { blank: { grade: true } });
    const total = layout.at(layout.totalRow - 0, 8);
    const totalA1 = toA1(total);
    // a formula whose cached result disagrees with the computed 总分
    sheet.cells.set(`${total.row}:${total.col}`, { value: 90, formula: `SUM(H${layout.firstIndicatorRow}:H${layout.totalRow - 1})`, numberFormat: "#,##0.00" });
    // form 1's 采购设备正常使用率: target met, 18 typed where the rule gives 20
    const typed = form.indicators.findIndex((i) => i.score === "18.00" || i.score === "18");
    expect(typed).toBeGreaterThanOrEqual(0);
    const typedCell = layout.at(15 + typed, 8);
    const typedBefore = sheet.cell(typedCell.row, typedCell.col)!.value;

    const ctx = new FakeContext(book);
    const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: caps });
    if (!result.ok) throw new Error(result.message);
    const addresses = ctx.cellWrites.map((w) => w.address);
    expect(addresses).not.toContain(totalA1);
    expect(addresses).not.toContain(toA1(typedCell));
    // the formula stays; its value is Excel's (recalculated after the write), never one the add-in wrote
    expect(sheet.at(totalA1)).toMatchObject({ formula: expect.stringMatching(/^SUM/) });
    expect(sheet.cell(typedCell.row, typedCell.col)!.value).toBe(typedBefore);
    expect(result.report.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["FORMULA_DISAGREES", "SCORE_RULE_MISMATCH"]));
    // the grade was blank and is written
    expect(addresses).toContain(toA1(layout.at(layout.gradeRow, 3)));
  });

  it("清除标注 leaves every value, format and the user's own fills and rules as they were", async () => {
    const { book, sheet } = bookOf(SEED_FORMS[0]);
    sheet.ensure(3, 3).style = { ...sheet.cell(3, 3)!.style, "fill.color": "#00FF00" };
    sheet.addUserRule("D6:D9", "=D6>100", "#0000FF");
    const before = sheet.snapshot();

    const check = await validateAndScoreSheet(asContext(new FakeContext(book)), { write: false, capabilities: caps });
    expect(check.ok && check.highlighted).toBeGreaterThan(0);
    expect(sheet.snapshot()).not.toEqual(before);

    const ctx = new FakeContext(book);
    const cleared = await clearHighlights(asContext(ctx), caps);
    expect(cleared).toEqual({ ok: true, cleared: check.ok ? check.highlighted : -1, notes: [] });
    expect(ctx.syncCount).toBe(2);
    expect(ctx.log.every((l) => l.op === "cf.delete")).toBe(true);
    expect(sheet.snapshot()).toEqual(before);

    const none = new FakeContext(book);
    expect(await clearHighlights(asContext(none), caps)).toEqual({ ok: true, cleared: 0, notes: [] });
    expect(none.syncCount).toBe(1);
  });

  it("撤销上次写入 (in a new session, as after reopening the pane) puts every value and format back", async () => {
    const { book, sheet } = bookOf(SEED_FORMS[2], { ...BLANKS, percentFormat: true });
    sheet.addUserRule("A1", "=FALSE", "#123456");
    const before = sheet.snapshot();
    const run = await validateAndScoreSheet(asContext(new FakeContext(book)), { write: true, capabilities: caps });
    expect(run.ok && run.written).toBeGreaterThan(3);
    expect(sheet.snapshot()).not.toEqual(before);

    const ctx = new FakeContext(book);
    const undo = await undoLastWrite(asContext(ctx), caps);
    expect(undo).toMatchObject({ ok: true, skipped: 0, restored: run.ok ? run.written : -1 });
    // the sheet list; the store's snapshot; the cells and rules; the writes
    expect(ctx.syncCount).toBe(4);
    expect(sheet.snapshot()).toEqual(before);

    const twice = await undoLastWrite(asContext(new FakeContext(book)), caps);
    expect(twice).toMatchObject({ ok: false, code: "NOTHING_TO_UNDO" });
  });

  it("撤销上次写入 leaves a cell the user changed after the write", async () => {
    const { book, sheet, layout } = bookOf(SEED_FORMS[0], BLANKS);
    await validateAndScoreSheet(asContext(new FakeContext(book)), { write: true, capabilities: caps });
    const grade = layout.at(layout.gradeRow, 3);
    expect(sheet.cell(grade.row, grade.col)!.value).toBe("优");
    sheet.cell(grade.row, grade.col)!.value = "良";
    const undo = await undoLastWrite(asContext(new FakeContext(book)), caps);
    expect(undo).toMatchObject({ ok: true, skipped: 1 });
    expect(sheet.cell(grade.row, grade.col)!.value).toBe("良");
  });

  it("checks across forms in Excel too: a 实际完成情况 that is another sheet's 预期目标 (one more read, values only)", async () => {
    const other = changedForm([{ row: 3, col: 3, value: "另一个项目" }, { row: 11, col: 2, value: "另一个项目的预期目标：完成三项建设任务。" }]);
    const copying = changedForm([{ row: 11, col: 6, value: "另一个项目的预期目标 完成三项建设任务" }]);
    const book = new FakeWorkbook(FakeSheet.fromSpec({ ...copying, name: "甲" }), FakeSheet.fromSpec({ ...other, name: "乙" }));
    const ctx = new FakeContext(book);
    const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: caps });
    if (!result.ok) throw new Error(result.message);
    expect(result.report.sheet).toBe("甲");
    const copied = result.report.findings.filter((f) => f.code === "GOAL_COPIED_FROM_OTHER_FORM");
    expect(copied.map((f) => [f.cells[0], f.severity])).toEqual([["F11", "warning"]]);
    expect(copied[0].message).toContain("工作表“乙”（另一个项目）");
    expect(book.sheets[0].rules.some((r) => toA1({ row: r.area.top, col: r.area.left }) === "F11")).toBe(true);
    expect(ctx.syncCount).toBe(3); // active sheet + names; the other sheets' values; the write
    expect(ctx.log.filter((l) => l.sheet === "乙")).toEqual([]); // context is only read
  });

  it("a 自评表 beside its 申报表 in the workbook is checked against it (rules.md §7.4): a lowered target, named with the sheet", async () => {
    // the clean form (seed form 1 made correct) declared with 采购设备正常使用率 ≥99.50%, scored against ≥99.00%
    const declared = tableGrid(
      [
        [{ v: "项目支出绩效目标申报表", cs: 5 }],
        ["项目名称", { v: CLEAN_FORM.title, cs: 4 }],
        [{ v: "资金情况（万元）", rs: 1 }, "年度资金总额：", { v: "97.68", cs: 3 }],
        [{ v: "绩效指标", rs: 1 + CLEAN_FORM.indicators.length }, "一级指标", "二级指标", "三级指标", "指标值"],
        ...CLEAN_FORM.indicators.map((i) => [i.level1, i.level2, i.level3, i.level3 === "采购设备正常使用率" ? "≥99.50(%)" : i.target]),
      ],
      { sheet: "申报表" },
    );
    const book = new FakeWorkbook(FakeSheet.fromSpec({ ...changedForm([]), name: "自评表" }), FakeSheet.fromSpec({ name: "申报表", cells: [...declared.cells].map(([k, c]) => ({ row: Math.floor(k / 16384), col: k % 16384, value: c.value })), merges: [...declared.merges] }));
    const result = await validateAndScoreSheet(asContext(new FakeContext(book)), { write: false, capabilities: caps });
    if (!result.ok) throw new Error(result.message);
    expect(result.report.findings.map((f) => [f.code, f.cells[0]])).toEqual([["TARGET_CHANGED_FROM_DECLARATION", "E16"]]);
    expect(result.report.findings[0].message).toContain("工作表“申报表”中申报的“≥99.50(%)”");
  });

  it("a hidden sheet is no context for the checks across forms, as 校验全部 skips it: the same findings from either button", async () => {
    const other = changedForm([{ row: 3, col: 3, value: "另一个项目" }, { row: 11, col: 2, value: "另一个项目的预期目标：完成三项建设任务。" }]);
    const copying = changedForm([{ row: 11, col: 6, value: "另一个项目的预期目标 完成三项建设任务" }]);
    const book = new FakeWorkbook(FakeSheet.fromSpec({ ...copying, name: "甲" }), FakeSheet.fromSpec({ ...other, name: "乙" }));
    book.sheets[1].visibility = "Hidden";
    const one = await validateAndScoreSheet(asContext(new FakeContext(book)), { write: false, capabilities: caps });
    if (!one.ok) throw new Error(one.message);
    const all = await checkAllSheets(asContext(new FakeContext(book)), { capabilities: caps });
    if (!all.ok) throw new Error(all.message);
    const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);
    expect(codes(one.report)).not.toContain("GOAL_COPIED_FROM_OTHER_FORM");
    expect(codes(one.report)).toEqual(codes(all.reports[0]));
  });

  it("when the other sheets are too much to carry (the web's payload limit), the active sheet is still checked and written", async () => {
    const { spec } = seedSheet(SEED_FORMS[0], BLANKS);
    const book = new FakeWorkbook(FakeSheet.fromSpec(spec), FakeSheet.fromSpec(seedSheet(SEED_FORMS[1], { sheetName: "大表" }).spec));
    const ctx = new FakeContext(book);
    ctx.failSyncNumber = { at: 2, code: "ResponsePayloadSizeLimitExceeded", message: "too large" };
    const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: caps });
    expect(result.ok && result.written).toBe(enginePlan(spec).writes.length);
    const other = new FakeContext(book);
    other.failSyncNumber = { at: 2, code: "GeneralException", message: "boom" };
    await expect(validateAndScoreSheet(asContext(other), { write: true, capabilities: caps })).rejects.toThrow("boom");
  });

  it("a protected sheet gets zero writes and a Chinese message", async () => {
    const { book, sheet } = bookOf(SEED_FORMS[0], BLANKS);
    sheet.protected = true;
    const before = sheet.snapshot();
    const ctx = new FakeContext(book);
    const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: caps });
    expect(result).toMatchObject({ ok: false, code: "SHEET_PROTECTED", message: expect.stringContaining("受保护") });
    expect(!result.ok && result.report?.form?.grade.computed).toBe("优");
    expect(ctx.log).toEqual([]);
    expect(ctx.syncCount).toBe(1);
    expect(sheet.snapshot()).toEqual(before);
    expect(await undoLastWrite(asContext(new FakeContext(book)), caps)).toMatchObject({ ok: false, code: "NOTHING_TO_UNDO" });
  });

  it("cell-edit mode: a Chinese message and zero writes (through the pane's host)", async () => {
    const { book, sheet } = bookOf(SEED_FORMS[0], BLANKS);
    const before = sheet.snapshot();
    const ctx = new FakeContext(book);
    ctx.failNextSync = { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." };
    const host = createExcelHost((batch) => batch(asContext(ctx)));
    const result = await host.check("putuo-2023", { write: true });
    expect(result).toMatchObject({ ok: false, code: "CELL_EDIT_MODE", message: expect.stringContaining("编辑") });
    expect(ctx.log).toEqual([]);
    expect(sheet.snapshot()).toEqual(before);
  });

  it("an unknown host error is not swallowed", async () => {
    const { book } = bookOf(SEED_FORMS[0]);
    const ctx = new FakeContext(book);
    ctx.failFromSync = { at: 1, code: "GeneralException", message: "boom" };
    const host = createExcelHost((batch) => batch(asContext(ctx)));
    await expect(host.check("putuo-2023", { write: true })).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("a sheet that is no form: FORM_NOT_FOUND with the report, zero writes", async () => {
    const sheet = FakeSheet.fromSpec(coverSheet());
    const ctx = new FakeContext(new FakeWorkbook(sheet));
    const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: caps });
    expect(result).toMatchObject({ ok: false, code: "FORM_NOT_FOUND", message: expect.stringContaining("自评表") });
    expect(!result.ok && result.report?.findings.map((f) => f.code)).toEqual(["FORM_NOT_FOUND"]);
    expect(ctx.log).toEqual([]);
  });

  it("reads values, formulas, formats, position and merges in one sync; text that starts with = is not a formula", async () => {
    const { book, sheet, spec } = bookOf(SEED_FORMS[0], { origin: { row: 3, col: 2 } });
    sheet.ensure(40, 2).value = "=103.00(台)";
    const ctx = new FakeContext(book);
    const read = await readActiveSheet(asContext(ctx), caps);
    if (!read.ok) throw new Error(read.message);
    expect(ctx.syncCount).toBe(1);
    expect([...read.grid.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([...spec.merges].sort((a, b) => a.top - b.top || a.left - b.left));
    expect(read.grid.cells.get(40 * (1 << 14) + 2)).toEqual({ value: "=103.00(台)", formula: undefined, numberFormat: undefined });
    const direct = sheetReport(analyzeSheet(specToGrid(spec), profile));
    expect(sheetReport(analyzeSheet(read.grid, profile))).toEqual({ ...direct });
    expect(read.isProtected).toBe(false);
    expect(read.profileId).toBeNull();

    const old = await readActiveSheet(asContext(new FakeContext(book)), { ...caps, mergedAreas: false, conditionalFormats: false });
    expect(old.ok && old.grid.merges).toEqual([]);
  });

  it("without ExcelApi 1.6 it writes values and no highlights", async () => {
    const { book, sheet } = bookOf(SEED_FORMS[0], BLANKS);
    const ctx = new FakeContext(book);
    const result = await validateAndScoreSheet(asContext(ctx), { write: true, capabilities: { ...caps, conditionalFormats: false } });
    expect(result.ok && result.written).toBeGreaterThan(0);
    expect(result.ok && result.highlighted).toBe(0);
    expect(sheet.rules).toEqual([]);
  });

  it("uses the profile stored with the workbook", async () => {
    const { book } = bookOf(SEED_FORMS[0]);
    book.settings.set("ziping.profile", "mof-2020");
    const result = await validateAndScoreSheet(asContext(new FakeContext(book)), { write: false, capabilities: caps });
    expect(result.ok && result.profileId).toBe("mof-2020");
  });

  it("applyPlan refuses a plan made for another sheet", async () => {
    const { book, spec } = bookOf(SEED_FORMS[0]);
    const ctx = new FakeContext(book);
    const read = await readActiveSheet(asContext(ctx), caps);
    if (!read.ok) throw new Error(read.message);
    await expect(applyPlan(asContext(ctx), read, { ...enginePlan(spec), sheet: "other" })).rejects.toThrow(/other/);
  });

  it("a copy scored by the command line, opened in the add-in, has its highlights removed by 清除标注 (one tag for both writers)", async () => {
    const { spec } = seedSheet(SEED_FORMS[0]);
    const fixed = await fixFile(await workbookBytes([spec]), profile);
    if (!fixed.ok) throw new Error(fixed.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixed.bytes.buffer as ArrayBuffer);
    // exceljs reads a sheet's conditional formats into this (untyped) property
    const { conditionalFormattings } = wb.getWorksheet(spec.name)! as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] };
    const sheet = FakeSheet.fromSpec(spec);
    // the user's own rule stays; every rule the CLI wrote goes
    sheet.addUserRule("B2", "=$B$2>0", "#00FF00");
    for (const cf of conditionalFormattings) {
      const formula = (cf.rules[0] as { formulae?: string[] }).formulae?.[0];
      sheet.rules.push({ area: areaOfRange(cf.ref), type: "Custom", formula: `=${formula}`, fill: "#FFC7CE" });
    }
    const cliRules = conditionalFormattings.length;
    expect(cliRules).toBe(fixed.result.sheets[0].plan!.highlights.length);
    expect(cliRules).toBeGreaterThan(0);
    const ctx = new FakeContext(new FakeWorkbook(sheet));
    expect(await clearHighlights(asContext(ctx), caps)).toEqual({ ok: true, cleared: cliRules, notes: [] });
    expect(sheet.rules.map((r) => r.formula)).toEqual(["=$B$2>0"]);
  });
});

describe("writeSheetSpec", () => {
  it("adds a sheet in two syncs that reads back as the same form (values, formulas, formats, merges)", async () => {
    const { spec } = seedSheet(SEED_FORMS[4], { percentFormat: true });
    const existing = new FakeSheet(spec.name);
    const book = new FakeWorkbook(existing);
    const ctx = new FakeContext(book);
    const result = await writeSheetSpec(asContext(ctx), { ...spec, validations: [{ kind: "list", range: { top: 30, left: 3, bottom: 30, right: 3 }, items: ["优", "良"], prompt: "选择等级" }], printFitWidth: true }, caps);
    expect(result).toEqual({ ok: true, sheet: `${spec.name} (2)`, notes: [] });
    expect(ctx.syncCount).toBe(2);
    const added = book.sheet(`${spec.name} (2)`)!;
    expect(book.active).toBe(added);
    expect(added.merges).toEqual(spec.merges);
    expect(added.validations).toHaveLength(1);
    expect(added.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(added.columnWidths.size).toBe(spec.columnWidths!.length);
    const read = await readActiveSheet(asContext(new FakeContext(book)), caps);
    if (!read.ok) throw new Error(read.message);
    const expected = sheetReport(analyzeSheet(specToGrid({ ...spec, name: added.name }), profile));
    expect(sheetReport(analyzeSheet(read.grid, profile))).toEqual(expected);
  });
});
