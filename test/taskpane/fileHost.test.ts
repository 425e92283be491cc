import ExcelJS from "exceljs";
import { addSheetFromSpec, workbookToBytes } from "../../src/adapters/xlsx/writeWorkbook";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { createFileHost, scoredName } from "../../src/taskpane/fileHost";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

async function xlsx(...specs: Parameters<typeof addSheetFromSpec>[1][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of specs) addSheetFromSpec(wb, s);
  return workbookToBytes(wb);
}

describe("file host (the pane outside Office)", () => {
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
    const reread = await readWorkbook(result.scored.bytes);
    expect(reread.ok).toBe(true);

    expect(await host.loadProfileId()).toBeNull();
    await host.saveProfileId("mof-2020");
    expect(await host.loadProfileId()).toBe("mof-2020");
  });

  it("a workbook without a form, and a file that is no .xlsx, give Chinese reasons", async () => {
    const host = createFileHost({ storage: { getItem: () => null, setItem: () => undefined } });
    const none = await host.checkFile({ name: "x.xlsx", bytes: await xlsx(coverSheet()) }, "putuo-2023");
    expect(none).toMatchObject({ ok: false, code: "FORM_NOT_FOUND", message: expect.stringContaining("自评表") });
    const junk = await host.checkFile({ name: "x.xlsx", bytes: new TextEncoder().encode("hello") }, "putuo-2023");
    expect(junk).toMatchObject({ ok: false, code: "FILE_UNREADABLE" });
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
    expect(model.indicators.every((i) => i.score.reading.kind === "none" && i.actual.kind === "empty")).toBe(true);

    const notAForm = await host.makeTemplate("nextYear", "putuo-2023", { name: "x.xlsx", bytes: await xlsx(coverSheet()) });
    expect(notAForm).toMatchObject({ ok: false, code: "FORM_NOT_FOUND" });
  });
});
