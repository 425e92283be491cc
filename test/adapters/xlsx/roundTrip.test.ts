import ExcelJS from "exceljs";
import { getProfile, toA1 } from "../../../src/engine";
import { checkFile, fixFile } from "../../../src/adapters/xlsx/files";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { EXPECTED, SEED_FORMS, seedSheet, Variant } from "../../fixtures/seedForms";
import { allSeedFormsBytes, workbookBytes } from "../../fixtures/seedWorkbooks";

const profile = getProfile("putuo-2023")!;

describe("reading real .xlsx files", () => {
  const variants: [string, Variant][] = [
    ["as printed", {}],
    ["moved, unmerged, text numbers, % format, noisy labels", { origin: { row: 4, col: 2 }, blankColumnsAfter: [3], unmerged: true, textNumbers: true, percentFormat: true, noisyLabels: true }],
  ];
  it.each(variants)("all 11 seed forms in one workbook beside a cover sheet: %s", async (_n, variant) => {
    const checked = await checkFile(await allSeedFormsBytes(variant), profile);
    if (!checked.ok) throw new Error(checked.message);
    const [cover, ...forms] = checked.result.sheets.map((x) => x.report);
    expect(cover).toMatchObject({ sheet: "说明", isForm: false, form: null });
    expect(cover.findings.map((f) => [f.code, f.severity])).toEqual([["FORM_NOT_FOUND", "info"]]);
    expect(forms).toHaveLength(11);
    forms.forEach((r, i) => {
      const e = EXPECTED[i + 1];
      expect(r.form!.funds[0].rate.computed).toBe(e.rate);
      expect(r.form!.total).toMatchObject({ declared: e.total, computed: e.total });
      expect(r.form!.grade).toMatchObject({ declared: e.grade, computed: e.grade });
      // rules.md §6: form 6's 实际完成情况 is form 9's 预期目标 — the workbook-level check says so, on form 6 only;
      // forms 2 and 7 (two 物联感知设施租赁服务 projects) share 6 of their 7 indicator rows, names, targets and actuals alike
      const workbookLevel = { 6: ["GOAL_COPIED_FROM_OTHER_FORM"], 2: ["INDICATORS_COPIED_FROM_OTHER_FORM"], 7: ["INDICATORS_COPIED_FROM_OTHER_FORM"] }[i + 1] ?? [];
      expect([...new Set(r.findings.map((f) => f.code))].sort()).toEqual([...e.codes, ...workbookLevel].sort());
    });
    const copied = forms[5].findings.find((f) => f.code === "GOAL_COPIED_FROM_OTHER_FORM")!;
    expect(copied.cells[0]).toBe(toA1(seedSheet(SEED_FORMS[5], variant).layout.at(11, 6)));
    expect(copied.message).toContain("工作表“表9”");
  });

  it("a form above 20,000 rows of other data in a real .xlsx is read, the rows below ignored", async () => {
    const { spec } = seedSheet(SEED_FORMS[0]);
    const filler = Array.from({ length: 20000 }, (_, i) => ({ row: 30 + i, col: 1 + (i % 9), value: i % 2 ? i * 1.25 : `备注 ${i}` }));
    const checked = await checkFile(await workbookBytes([{ ...spec, cells: [...spec.cells, ...filler] }]), profile);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.result.sheets.map((x) => x.report)[0].form!.total).toMatchObject({ declared: "96.37", computed: "96.37" });
    expect(checked.result.sheets.map((x) => x.report)[0].findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads a formula whose cached result is 0 as 0, not blank", async () => {
    const { spec } = seedSheet(SEED_FORMS[0]);
    const cells = spec.cells.map((c) => (c.row === 8 && c.col === 8 ? { ...c, formula: "IF(E8=0,0,F8/E8*100)", value: 0 } : c));
    const reading = await readWorkbook(await workbookBytes([{ ...spec, cells }]));
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.grids[0].cells.get(8 * 16384 + 8)).toMatchObject({ value: 0, formula: "IF(E8=0,0,F8/E8*100)" });
  });

  it("reads formulas with their cached results and the 0.00% format", async () => {
    const { spec } = seedSheet(SEED_FORMS[0], { percentFormat: true });
    const cells = spec.cells.map((c) => (c.row === 6 && c.col === 8 ? { ...c, formula: "ROUNDDOWN(F6/E6,4)", value: 0.9377 } : c));
    const reading = await readWorkbook(await workbookBytes([{ ...spec, cells }]));
    if (!reading.ok) throw new Error(reading.message);
    const h6 = reading.grids[0].cells.get(6 * 16384 + 8);
    expect(h6).toEqual({ value: 0.9377, formula: "ROUNDDOWN(F6/E6,4)", numberFormat: "0.00%" });
    expect(reading.grids[0].merges).toContainEqual({ top: 5, left: 1, bottom: 9, right: 2 });
  });

  it.each([
    ["an empty file", new Uint8Array(), "文件为空"],
    ["random bytes", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), "不是 .xlsx 文件"],
    ["a truncated .xlsx", null, "文件已损坏"],
    ["an encrypted (password-protected) workbook", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "文件已加密"],
  ])("%s is FILE_UNREADABLE with a Chinese reason", async (_n, bytes, reason) => {
    const data = bytes ?? (await allSeedFormsBytes()).slice(0, 2000);
    const r = await checkFile(data, profile);
    expect(r).toMatchObject({ ok: false, code: "FILE_UNREADABLE" });
    expect(!r.ok && r.message).toContain(reason);
  });
});

/** JSON with sorted keys, so that two equal styles compare equal whatever their key order. */
function canonical(x: unknown): string {
  if (x === null || typeof x !== "object") return JSON.stringify(x) ?? "undefined";
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  const o = x as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${k}:${canonical(o[k])}`).join(",")}}`;
}

describe("fix: writing a scored copy (rules.md §5)", () => {
  /** Every cell's value, formula, number format and style, for comparing before and after. */
  async function snapshot(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const out = new Map<string, string>();
    wb.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        // a merge child reads its master's value; compare only what the cell itself holds
        const own = c.isMerged && c.master.address !== c.address ? null : c.value;
        out.set(c.address, canonical({ v: own, f: c.numFmt, s: c.style }));
      }),
    );
    return out;
  }

  it("fills exactly the blank derived cells and blank 得分, leaves formulas, typed 得分 and everything else alone", async () => {
    const form = SEED_FORMS[0];
    const { spec, layout } = seedSheet(form, { blank: { rates: true, budgetScore: true, total: true, grade: true, indicatorScores: [1, 4] } });
    // a formula in the 其中 row's 执行率 (cached result agrees), which must survive
    const at = layout.at(7, 8);
    const cells = spec.cells.map((c) => (c.row === at.row && c.col === at.col ? { ...c, value: 93.77, formula: "ROUNDDOWN(F7/E7*100,2)" } : c));
    const input = await workbookBytes([{ ...spec, cells }]);
    const fixed = await fixFile(input, profile);
    if (!fixed.ok) throw new Error(fixed.message);

    const before = await snapshot(input, spec.name);
    const after = await snapshot(fixed.bytes, spec.name);
    const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
    const a1 = (r: number, c: number) => toA1(layout.at(r, c));
    // 执行率 of 年度资金总额 (the 其中 row is a formula; 上年结转 and 其他 are 0 ÷ 0: no rate), 预算执行得分, the two
    // blank 得分, 总分, 评分等级
    const expected = [a1(6, 8), a1(6, 9), a1(16, 8), a1(19, 8), toA1({ row: layout.totalRow, col: 8 }), toA1({ row: layout.gradeRow, col: 3 })].sort();
    expect(changed).toEqual(expected);

    const reread = await readWorkbook(fixed.bytes);
    if (!reread.ok) throw new Error(reread.message);
    const g = reread.grids[0];
    const value = (r: number, c: number) => g.cells.get(r * 16384 + c)?.value;
    expect(value(6, 8)).toBe(93.77);
    expect(value(8, 8)).toBeUndefined(); // 0 ÷ 0: no rate written
    expect(value(6, 9)).toBe(9.37);
    expect(value(16, 8)).toBe(20); // 采购设备正常使用率: target met → the rule's full 分值
    expect(value(19, 8)).toBe(5); // qualitative 达成 → full
    expect(value(layout.totalRow, 8)).toBe(9.37 + 40 + 20 + 5 + 5 + 5 + 5 + 9);
    expect(value(layout.gradeRow, 3)).toBe("优");
    expect(g.cells.get(7 * 16384 + 8)).toMatchObject({ formula: "ROUNDDOWN(F7/E7*100,2)" });
    // typed 得分 18 of another form row stays: row 21 (使用部门满意度) keeps 9
    expect(value(21, 8)).toBe(9);
  });

  it("a blank 执行率 under a 0.00% format gets the fraction, keeping the format (a row of 0 ÷ 0 stays blank)", async () => {
    const input = await workbookBytes([seedSheet(SEED_FORMS[0], { percentFormat: true, blank: { rates: true } }).spec]);
    const fixed = await fixFile(input, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    const reread = await readWorkbook(fixed.bytes);
    if (!reread.ok) throw new Error(reread.message);
    expect(reread.grids[0].cells.get(6 * 16384 + 8)).toEqual({ value: 0.9377, numberFormat: "0.00%" });
    expect(reread.grids[0].cells.get(7 * 16384 + 8)).toEqual({ value: 0.9377, numberFormat: "0.00%" });
    expect(reread.grids[0].cells.get(8 * 16384 + 8)).toEqual({ value: null, numberFormat: "0.00%" });
  });

  it("highlights findings with conditional formats, leaving the cells' own fills", async () => {
    const input = await workbookBytes([seedSheet(SEED_FORMS[0]).spec]);
    const fixed = await fixFile(input, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixed.bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    // exceljs keeps the loaded rules on the worksheet but does not declare the property
    const rules = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? [];
    const refs = rules.map((c) => c.ref).sort();
    expect(refs).toEqual(fixed.result.sheets[0].plan!.highlights.map((h) => toA1(h.cell)).sort());
    expect(refs).toContain("H16"); // SCORE_RULE_MISMATCH / DEVIATION_MISSING
    expect(ws.getCell("H16").fill).toEqual({ type: "pattern", pattern: "none" }); // the cell's own (empty) fill
    expect(fixed.result.sheets[0].plan!.writes).toEqual([]); // a correct form: nothing to write
  });
});
