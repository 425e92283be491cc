import ExcelJS from "exceljs";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { createFileHost, scoredName } from "../../src/taskpane/fileHost";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

async function xlsx(...specs: Parameters<typeof addSheetFromSpec>[1][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of specs) addSheetFromSpec(wb, s);
  return workbookToBytes(wb);
}

describe("file host (the pane outside Office)", () => {
  it("忽略 in file mode goes into the file's store: the re-check shows it 已忽略, and the scored copy carries it to ziping", async () => {
    const host = createFileHost({ storage: { getItem: () => null, setItem: () => undefined }, now: () => new Date("2026-11-25T10:00:00.000Z") });
    const file = { name: "单兵设备.xlsx", bytes: await xlsx(seedSheet(SEED_FORMS[0]).spec) };
    const first = await host.checkFile(file, "putuo-2023");
    if (!first.ok) throw new Error(first.message);
    const i = first.report.findings.findIndex((f) => f.code === "DEVIATION_MISSING");
    const key = first.details[first.report.sheet][0].keys[i];
    const refused = await host.updateStore!(file, { kind: "accept", key, severity: "warning", reason: "  ", by: "" });
    expect(refused).toMatchObject({ ok: false, code: "STORE_REFUSED", message: expect.stringContaining("理由") });
    const saved = await host.updateStore!(file, { kind: "accept", key, severity: "warning", reason: "扣分理由已在纸质材料中说明", by: "张会计" });
    if (!saved.ok) throw new Error(saved.message);
    const again = await host.checkFile({ ...file, bytes: saved.bytes }, "putuo-2023");
    if (!again.ok) throw new Error(again.message);
    expect(again.report.findings[i].ignored).toEqual({ reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25T10:00:00.000Z" });
    expect(again.reports.map((r) => r.sheet)).toEqual(["表1"]); // the store is no sheet of the report
    // the scored copy keeps the store: a later check of the copy (the command line's too) sees the decision
    const scored = await again.scored.bytes();
    if (!scored.ok) throw new Error(scored.message);
    const copy = await host.checkFile({ name: again.scored.name, bytes: scored.bytes }, "putuo-2023");
    if (!copy.ok) throw new Error(copy.message);
    expect(copy.report.findings[i].ignored?.reason).toBe("扣分理由已在纸质材料中说明");
  });

  it("scores an .xlsx with the engine and returns the scored copy; the profile is kept in storage", async () => {
    const store = new Map<string, string>();
    const host = createFileHost({ storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) } });
    const bytes = await xlsx(coverSheet(), seedSheet(SEED_FORMS[0], { blank: { total: true, grade: true } }).spec);
    const result = await host.checkFile({ name: "单兵设备.xlsx", bytes }, "putuo-2023");
    if (!result.ok) throw new Error(result.message);
    expect(result.report.sheet).toBe("表1");
    expect(result.report.form?.total.computed).toBe("96.37");
    expect(result.reports.map((r) => r.sheet)).toEqual(["说明", "表1"]);
    expect(result.written).toBe(2);
    expect(result.highlighted).toBeGreaterThan(0);
    expect(result.scored.name).toBe("单兵设备（已计分）.xlsx");
    const copy = await result.scored.bytes();
    if (!copy.ok) throw new Error(copy.message);
    const reread = await readWorkbook(copy.bytes);
    expect(reread.ok).toBe(true);

    expect(await host.loadProfileId()).toBeNull();
    await host.saveProfileId("mof-2020");
    expect(await host.loadProfileId()).toBe("mof-2020");
  });

  it("returns every sheet's written cells (previous → new, why) and the displayed values of the cells it names", async () => {
    const host = createFileHost({ storage: { getItem: () => null, setItem: () => undefined } });
    const bytes = await xlsx(seedSheet(SEED_FORMS[0], { blank: { grade: true } }).spec, seedSheet(SEED_FORMS[1], { sheetName: "表2", blank: { total: true } }).spec);
    const result = await host.checkFile({ name: "两表.xlsx", bytes }, "putuo-2023");
    if (!result.ok) throw new Error(result.message);
    expect(result.writes.map((w) => [w.sheet, w.what, w.previous, w.value])).toEqual([
      ["表1", "评分等级", "", "优"],
      ["表2", "总分", "", "95.98"],
    ]);
    expect(result.cellText["表1"]).toMatchObject({ H16: "18.00", F16: "99.00(%)" });
    expect(Object.keys(result.cellText)).toEqual(["表1", "表2"]);
  });

  it("a workbook without a form says what it looked for and what it found", async () => {
    const host = createFileHost({ storage: { getItem: () => null, setItem: () => undefined } });
    const none = await host.checkFile({ name: "x.xlsx", bytes: await xlsx(coverSheet()) }, "putuo-2023");
    expect(none).toMatchObject({ ok: false, code: "FORM_NOT_FOUND" });
    expect(!none.ok && none.message).toMatch(/^“x\.xlsx”中没有找到财政项目支出绩效自评表（未找到.*）。找到的是：工作表“说明”（\d+ 个单元格有内容，开头是“[^”]+”/);
  });

  it.each([
    ["not a spreadsheet at all", "x.xlsx", () => new TextEncoder().encode("hello"), /不是 Excel 工作簿.*另存为/],
    ["cut short", "x.xlsx", (b: Uint8Array) => b.subarray(0, b.length >> 1), /已损坏.*重新下载.*另存为/],
    ["an old .xls", "x.xls", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Excel 文件（\.xls 格式.*另存为/],
    ["an encrypted .xlsx", "x.xlsx", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /打开密码.*取消密码/],
    ["empty", "x.xlsx", () => new Uint8Array(), /空文件/],
    ["a WPS .et", "表.et", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), /WPS 表格文件（\.et）.*另存为/],
  ] as const)("a file that is %s: a Chinese reason with the next step, no library English", async (_n, name, make, reason) => {
    const host = createFileHost({ storage: { getItem: () => null, setItem: () => undefined } });
    const good = await xlsx(seedSheet(SEED_FORMS[0]).spec);
    const r = await host.checkFile({ name, bytes: make(good) }, "putuo-2023");
    expect(r).toMatchObject({ ok: false, code: "FILE_UNREADABLE" });
    const message = !r.ok ? r.message : "";
    expect(message).toMatch(reason);
    expect(message.replace(name, "").replace(/Excel|WPS|\.xlsx|\.xls|\.et/g, "")).not.toMatch(/[A-Za-z]/);
  });

  it("names the scored copy", () => {
    expect(scoredName("a.XLSX")).toBe("a（已计分）.xlsx");
    expect(scoredName("自评表")).toBe("自评表（已计分）.xlsx");
    expect(scoredName("宏.xlsm", true)).toBe("宏（已计分）.xlsm");
  });
});

describe("file host templates (downloads)", () => {
  it("新建自评表 gives an .xlsx that reads as a blank form; 生成下年度模板 needs a chosen file and builds from it", async () => {
    const host = createFileHost({ storage: { getItem: () => null, setItem: () => undefined } });
    const blank = await host.makeTemplate("new", "putuo-2023", null);
    if (!blank.ok) throw new Error(blank.message);
    expect(blank.name).toBe(`自评表（${blank.year} 年度，新项目）.xlsx`);
    const reread = await readWorkbook(blank.bytes);
    if (!reread.ok) throw new Error(reread.message);
    const { analyzeSheet, getProfile } = await import("../../src/engine");
    const a = analyzeSheet(reread.grids[0], getProfile()!);
    expect(a.isForm).toBe(true);
    expect(a.findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);

    expect(await host.makeTemplate("nextYear", "putuo-2023", null)).toMatchObject({ ok: false, code: "NO_FILE" });
    const file = { name: "2023.xlsx", bytes: await xlsx(coverSheet(), seedSheet(SEED_FORMS[0]).spec) };
    const next = await host.makeTemplate("nextYear", "putuo-2023", file);
    if (!next.ok) throw new Error(next.message);
    expect(next).toMatchObject({ name: "2023（2024 年度模板）.xlsx", year: 2024 });
    const nextRead = await readWorkbook(next.bytes);
    if (!nextRead.ok) throw new Error(nextRead.message);
    const model = analyzeSheet(nextRead.grids[0], getProfile()!).form!.model;
    expect(model.year).toBe(2024);
    expect(model.indicators.map((i) => i.name.text)).toEqual(SEED_FORMS[0].indicators.map((i) => i.level3));
    expect(model.indicators.every((i) => i.score!.reading.kind === "none" && i.actual.kind === "empty")).toBe(true);

    const notAForm = await host.makeTemplate("nextYear", "putuo-2023", { name: "x.xlsx", bytes: await xlsx(coverSheet()) });
    expect(notAForm).toMatchObject({ ok: false, code: "FORM_NOT_FOUND" });

    // from the sheet named (the one on show in the pane), not the first form
    const two = { name: "两表.xlsx", bytes: await xlsx(seedSheet(SEED_FORMS[0]).spec, seedSheet(SEED_FORMS[5], { sheetName: "表6" }).spec) };
    const sixth = await host.makeTemplate("nextYear", "putuo-2023", two, "表6");
    if (!sixth.ok) throw new Error(sixth.message);
    const sixthRead = await readWorkbook(sixth.bytes);
    if (!sixthRead.ok) throw new Error(sixthRead.message);
    expect(analyzeSheet(sixthRead.grids[0], getProfile()!).form!.model.projectName?.text).toBe(SEED_FORMS[5].title);
  });
});
