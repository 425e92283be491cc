/**
 * Issue 13 "Done when": a warning accepted with a reason in the pane (fake Excel) is 已忽略 in `ziping check` of the
 * saved file — the round trip through the very hidden store sheet — and still after a row is inserted above the form;
 * the 评分方案 and taught header words travel the same way. Excel's "save" is modelled by writing the fake's sheets to
 * an .xlsx with exceljs: values as Excel holds them, merges, and each sheet's visibility (state="veryHidden").
 */
import ExcelJS from "exceljs";
import { ALL_CAPABILITIES, createExcelHost } from "../../src/adapters/excel";
import { main } from "../../src/cli/ziping";
import { SheetSpec } from "../../src/engine/sheet/sheetSpec";
import { changedForm } from "../fixtures/cleanForm";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { tempDir, tempFile } from "../fixtures/seedWorkbooks";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";

const STATE = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;

/** What Excel would save: every sheet's cells (values, formulas with their results), merges and visibility. */
async function saveAsXlsx(book: FakeWorkbook, shift: Record<string, number> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, { state: STATE[s.visibility] });
    const down = shift[s.name] ?? 0;
    for (const [key, c] of s.cells) {
      const [r, col] = key.split(":").map(Number);
      const cell = ws.getCell(r + down, col);
      cell.value = c.formula !== undefined ? { formula: c.formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue : (c.value as ExcelJS.CellValue);
      if (c.numberFormat && c.numberFormat !== "General") cell.numFmt = c.numberFormat;
    }
    for (const m of s.merges) ws.mergeCells(m.top + down, m.left, m.bottom + down, m.right);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function check(file: string, ...args: string[]) {
  let out = "";
  const code = await main(["check", "--json", ...args, file], { out: (t) => (out += t), err: () => undefined });
  return { code, report: JSON.parse(out) };
}

function hostOver(book: FakeWorkbook) {
  return createExcelHost((batch) => batch(asContext(new FakeContext(book))), { capabilities: ALL_CAPABILITIES, now: () => new Date("2026-11-25T10:00:00.000Z") });
}

describe("from the pane to the command line, through the workbook", () => {
  const dir = tempDir();

  it("a warning accepted in Excel is 已忽略 for ziping check of the saved file, also after a row is inserted above the form", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0], { sheetName: "表1" }).spec));
    const host = hostOver(book);
    const all = await host.checkAll("putuo-2023");
    if (!all.ok) throw new Error(all.message);
    const i = all.reports[0].findings.findIndex((f) => f.code === "DEVIATION_MISSING");
    const accepted = await host.updateStore({ kind: "accept", key: all.details["表1"][0].keys[i], severity: "warning", reason: "扣分理由已在纸质材料中说明", by: "张会计" });
    expect(accepted.ok).toBe(true);

    for (const shift of [0, 1]) {
      const file = tempFile(`accepted-${shift}.xlsx`, await saveAsXlsx(book, { 表1: shift }), dir);
      const { code, report } = await check(file);
      expect(code).toBe(0);
      const sheets = report.files[0].sheets as { sheet: string; findings: { code: string; cells: string[]; ignored?: unknown }[] }[];
      expect(sheets.map((s) => s.sheet)).toEqual(["表1"]); // the store sheet is no sheet of the report
      const deviations = sheets[0].findings.filter((f) => f.code === "DEVIATION_MISSING");
      expect(deviations[0].cells[0]).toBe(`H${16 + shift}`);
      expect(deviations[0].ignored).toEqual({ reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25T10:00:00.000Z" });
      expect(deviations[1].ignored).toBeUndefined();
      const warnings = sheets[0].findings.filter((f) => f.code !== "DEVIATION_MISSING" || !f.ignored).length;
      expect(report.summary.warnings + report.summary.infos).toBe(warnings);
    }
  });

  it("the 评分方案 chosen in Excel is the one ziping check scores with when no --profile is given", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0], { sheetName: "表1" }).spec));
    await hostOver(book).saveProfileId("mof-2020");
    const file = tempFile("profile.xlsx", await saveAsXlsx(book), dir);
    const { report } = await check(file);
    // mof-2020 rounds half up: 93.78 where putuo-2023 truncates to 93.77 (rules.md §6)
    expect(report.files[0].sheets[0].form.funds[0].rate.computed).toBe("93.78");
    const given = await check(file, "--profile", "putuo-2023");
    expect(given.report.files[0].sheets[0].form.funds[0].rate.computed).toBe("93.77");
  });

  it("a header word taught in Excel makes ziping check read a layout it does not know", async () => {
    const unknown: SheetSpec = { ...changedForm([{ row: 14, col: 6, value: "完成程度说明" }]), name: "自评表" };
    const book = new FakeWorkbook(FakeSheet.fromSpec(unknown));
    const before = tempFile("unknown.xlsx", await saveAsXlsx(book), dir);
    expect((await check(before)).report.files[0].sheets[0].findings.map((f: { code: string }) => f.code)).toContain("FIELD_MISSING");
    await hostOver(book).updateStore({ kind: "teach", table: "indicators", field: "actual", text: "完成程度说明" });
    const after = tempFile("taught.xlsx", await saveAsXlsx(book), dir);
    const { report } = await check(after);
    expect(report.files[0].sheets[0].findings.map((f: { code: string }) => f.code)).not.toContain("FIELD_MISSING");
    expect(report.files[0].sheets[0].form.indicators.every((x: { actual: string }) => x.actual !== "")).toBe(true);
  });
});
