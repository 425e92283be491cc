/**
 * The workbook's store sheet at the .xlsx edge (issue 13): written by writeStore as a very hidden sheet of text cells,
 * every other part kept byte for byte; read back identically (whatever its name and state); seen as veryHidden by
 * exceljs; opened by LibreOffice; a store written the way Office.js writes one (a plain very hidden worksheet of
 * strings, here made with exceljs) is read by checkFile; fixFile keeps the store or writes a given one.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { EMPTY_STORE, readStore, storeRows, WorkbookStore } from "../../../src/app";
import { getProfile } from "../../../src/engine";
import { checkFile, fixFile, writeStore } from "../../../src/adapters/xlsx/files";
import { readWorkbook } from "../../../src/adapters/xlsx/readWorkbook";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";
import { workbookBytes } from "../../fixtures/seedWorkbooks";
import { convertWithLibreOffice, SKIP_LIBREOFFICE } from "../../template/libreOffice";

jest.setTimeout(180_000);

const profile = getProfile("putuo-2023")!;
const DEVIATION_KEY = "购买新智能单兵设备|DEVIATION_MISSING|指标：采购设备正常使用率";

const STORE: WorkbookStore = {
  profile: "mof-2020",
  // a reason and a time that a spreadsheet would take for a number and a date, were they not text
  accepted: [{ key: DEVIATION_KEY, reason: "0.5", by: "张会计 <zhang@example.cn>", at: "2026-11-25" }],
  taught: [{ table: "indicators", field: "actual", text: "完成程度说明" }],
};

async function storeOf(bytes: Uint8Array): Promise<WorkbookStore> {
  const reading = await readWorkbook(bytes);
  if (!reading.ok) throw new Error(reading.message);
  return readStore(reading.grids);
}

async function written(input: Uint8Array, store: WorkbookStore): Promise<Uint8Array> {
  const out = await writeStore(input, store);
  if (!out.ok) throw new Error(out.message);
  return out.bytes;
}

const partsOf = (bytes: Uint8Array) => unzipSync(bytes);
const changedParts = (a: Uint8Array, b: Uint8Array) => {
  const [x, y] = [partsOf(a), partsOf(b)];
  return {
    changed: Object.keys(x).filter((n) => y[n] !== undefined && !Buffer.from(x[n]).equals(Buffer.from(y[n]))).sort(),
    added: Object.keys(y).filter((n) => x[n] === undefined).sort(),
    removed: Object.keys(x).filter((n) => y[n] === undefined),
  };
};

describe("writeStore", () => {
  let input: Uint8Array;
  let once: Uint8Array;
  beforeAll(async () => {
    input = await workbookBytes([seedSheet(SEED_FORMS[0]).spec]);
    once = await written(input, STORE);
  });

  it("adds a very hidden sheet of text cells that reads back as the same store", async () => {
    expect(await storeOf(once)).toEqual(STORE);
    const reading = await readWorkbook(once);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.sheets.map((s) => [s.name, s.state])).toEqual([["表1", "visible"], ["ziping", "veryHidden"]]);
    const parts = partsOf(once);
    expect(strFromU8(parts["xl/workbook.xml"])).toMatch(/<sheet name="ziping" sheetId="2" state="veryHidden" r:id="rId\d+"\/>/);
    const sheet = strFromU8(parts[reading.sheets[1].part]);
    const cells = [...sheet.matchAll(/<c [^>]*>/g)].map((m) => m[0]);
    expect(cells.length).toBe(storeRows(STORE).flat().filter((t) => t !== "").length);
    expect(cells.every((c) => c.includes('t="inlineStr"'))).toBe(true);
    expect(sheet).not.toContain("<v>");
    expect(sheet).toContain("<t xml:space=\"preserve\">张会计 &lt;zhang@example.cn&gt;</t>");
  });

  it("keeps every other part byte for byte, and adds only the sheet", () => {
    expect(changedParts(input, once)).toEqual({ changed: ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"], added: ["xl/worksheets/sheet2.xml"], removed: [] });
  });

  it("a second write replaces the store (one store sheet, only its part changes)", async () => {
    const next: WorkbookStore = { ...STORE, profile: "putuo-2023", accepted: [] };
    const twice = await written(once, next);
    expect(await storeOf(twice)).toEqual(next);
    expect(changedParts(once, twice)).toEqual({ changed: ["xl/worksheets/sheet2.xml"], added: [], removed: [] });
  });

  it("exceljs sees the sheet as veryHidden, with string cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(once.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet("ziping")!;
    expect(ws.state).toBe("veryHidden");
    expect(ws.getCell("A1").value).toBe("ziping-store");
    expect(ws.getCell("C3").value).toBe("0.5");
    expect(ws.getCell("E3").value).toBe("2026-11-25");
  });

  (SKIP_LIBREOFFICE ? it.skip : it)("LibreOffice opens it; the store survives LibreOffice saving the workbook", async () => {
    const saved = convertWithLibreOffice(new Map([["stored.xlsx", once]]), { recalculate: false }).outputs.get("stored.xlsx");
    expect(saved?.length).toBeGreaterThan(0);
    expect(await storeOf(saved!)).toEqual(STORE);
  });

  it("a user's own sheet called ziping is kept; the store is ziping(2); a visible store made very hidden stops being the active sheet", async () => {
    const own = await workbookBytes([seedSheet(SEED_FORMS[0]).spec, { name: "ziping", cells: [{ row: 1, col: 1, value: "我的备注" }], merges: [] }]);
    const stored = await written(own, STORE);
    const reading = await readWorkbook(stored);
    expect(reading.ok && reading.sheets.map((s) => [s.name, s.state])).toEqual([["表1", "visible"], ["ziping", "visible"], ["ziping(2)", "veryHidden"]]);

    // a store someone made visible and left active (Excel writes activeTab): very hidden again, 表1 active
    const wb = new ExcelJS.Workbook();
    addPlainSheet(wb, "表1", [["x"]]);
    addPlainSheet(wb, "设置", storeRows(EMPTY_STORE));
    wb.views = [{ activeTab: 1, x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, visibility: "visible" }];
    const visible = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fixed = await written(visible, STORE);
    const xml = strFromU8(partsOf(fixed)["xl/workbook.xml"]);
    expect(xml).toMatch(/<sheet sheetId="2" name="设置" state="veryHidden" r:id="rId\d+"\/>/);
    expect(xml).toMatch(/activeTab="0"/);
    expect(await storeOf(fixed)).toEqual(STORE);
  });
});

/** A worksheet of string cells, as Office.js writes one (`range.values` of strings), with exceljs. */
function addPlainSheet(wb: ExcelJS.Workbook, name: string, rows: readonly (readonly string[])[], state?: "hidden" | "veryHidden"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => v !== "" && (ws.getCell(i + 1, j + 1).value = v)));
  if (state) ws.state = state;
  return ws;
}

describe("a store written the way Office.js writes it (a very hidden worksheet of strings)", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const { addSheetFromSpec } = await import("../../fixtures/writeWorkbook");
    addSheetFromSpec(wb, seedSheet(SEED_FORMS[0]).spec);
    addPlainSheet(wb, "ziping", storeRows(STORE), "veryHidden");
    bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  });

  it("is read: its 评分方案 is used when none is chosen, its accepted warning is 已忽略 and not counted", async () => {
    const checked = await checkFile(bytes, profile, { preferStoredProfile: true });
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.profileChoice).toEqual({ from: "workbook" });
    expect(checked.result.profile.id).toBe("mof-2020");
    expect(checked.result.sheets.map((s) => s.report.sheet)).toEqual(["表1"]);
    const findings = checked.result.sheets[0].report.findings;
    const deviation = findings.filter((f) => f.code === "DEVIATION_MISSING");
    expect(deviation.map((f) => [f.cells, f.ignored ?? null])).toEqual([
      [["H16", "I16"], { reason: "0.5", by: "张会计 <zhang@example.cn>", at: "2026-11-25" }],
      [["H21", "I21"], null],
    ]);
    expect(checked.result.counts.warning).toBe(findings.filter((f) => f.severity === "warning" && !f.ignored).length);
  });

  it.each(["hidden", "veryHidden"] as const)("is read when the sheet is %s, whatever it is called", async (state) => {
    const wb = new ExcelJS.Workbook();
    const { addSheetFromSpec } = await import("../../fixtures/writeWorkbook");
    addSheetFromSpec(wb, seedSheet(SEED_FORMS[0]).spec);
    addPlainSheet(wb, "设置", storeRows(STORE), state);
    const file = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const reading = await readWorkbook(file);
    expect(reading.ok && reading.sheets.map((s) => [s.name, s.state])).toEqual([["表1", "visible"], ["设置", state]]);
    expect(await storeOf(file)).toEqual(STORE);
  });

  it("without preferStoredProfile the profile given is used", async () => {
    const checked = await checkFile(bytes, profile);
    expect(checked.ok && [checked.result.profile.id, checked.profileChoice]).toEqual(["putuo-2023", { from: "given" }]);
  });

  it("a stored 评分方案 that cannot be used: the one given, with the reason", async () => {
    const wb = new ExcelJS.Workbook();
    const { addSheetFromSpec } = await import("../../fixtures/writeWorkbook");
    addSheetFromSpec(wb, seedSheet(SEED_FORMS[0]).spec);
    addPlainSheet(wb, "ziping", storeRows({ ...EMPTY_STORE, profile: "putuo-2024" }), "veryHidden");
    const checked = await checkFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), profile, { preferStoredProfile: true });
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.result.profile.id).toBe("putuo-2023");
    expect(checked.profileChoice).toEqual({ from: "given", note: expect.stringContaining("未知的评分方案“putuo-2024”") });
  });
});

describe("fixFile and the store", () => {
  let stored: Uint8Array;
  beforeAll(async () => {
    stored = await written(await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), STORE);
  });

  it("keeps the store part byte for byte", async () => {
    const fixed = await fixFile(stored, profile);
    if (!fixed.ok) throw new Error(fixed.message);
    const [a, b] = [partsOf(stored), partsOf(fixed.bytes)];
    expect(Buffer.from(b["xl/worksheets/sheet2.xml"]).equals(Buffer.from(a["xl/worksheets/sheet2.xml"]))).toBe(true);
    expect(await storeOf(fixed.bytes)).toEqual(STORE);
    // the store is no form: not in the report, not in 校验结果's list of other sheets
    expect(fixed.result.sheets.map((s) => s.report.sheet)).toEqual(["表1"]);
  });

  it("writes a given store in place of the old one", async () => {
    const next = { ...STORE, accepted: [] };
    const fixed = await fixFile(stored, profile, { store: next });
    if (!fixed.ok) throw new Error(fixed.message);
    expect(await storeOf(fixed.bytes)).toEqual(next);
    const reading = await readWorkbook(fixed.bytes);
    expect(reading.ok && reading.sheets.map((s) => [s.name, s.state])).toEqual([["表1", "visible"], ["ziping", "veryHidden"], ["校验结果", "visible"]]);
  });

  it("records another 评分方案 in the copy's store; the same one changes nothing", async () => {
    const other = await fixFile(stored, getProfile("putuo-2023")!, { recordProfile: "putuo-2023" });
    expect(other.ok && (await storeOf(other.bytes))).toEqual({ ...STORE, profile: "putuo-2023" });
    const same = await fixFile(stored, getProfile("mof-2020")!, { recordProfile: "mof-2020" });
    if (!same.ok) throw new Error(same.message);
    expect(Buffer.from(partsOf(same.bytes)["xl/worksheets/sheet2.xml"]).equals(Buffer.from(partsOf(stored)["xl/worksheets/sheet2.xml"]))).toBe(true);
  });
});
