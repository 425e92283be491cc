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
  });
});
