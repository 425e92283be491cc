/**
 * What the workbook keeps about itself, honoured by the command line (issue 13): a warning accepted in the store is
 * 已忽略 in `ziping check` (JSON, text) and in 校验结果, not counted, also after rows are inserted above the form;
 * an error cannot be accepted (a store row naming one is not honoured); taught header words make the CLI read a
 * layout the locator does not know; the workbook's 评分方案 is used without --profile, and the JSON says which.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EMPTY_STORE, storeRows, WorkbookStore } from "../../src/app";
import { addSheetFromSpec } from "../fixtures/writeWorkbook";
import { writeStore } from "../../src/adapters/xlsx/files";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { getProfile } from "../../src/engine";
import { main } from "../../src/cli/ziping";
import { changedForm } from "../fixtures/cleanForm";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function withStore(bytes: Uint8Array, store: WorkbookStore): Promise<Uint8Array> {
  const w = await writeStore(bytes, store);
  if (!w.ok) throw new Error(w.message);
  return w.bytes;
}

interface Finding {
  code: string;
  severity: string;
  cells: string[];
  message: string;
  ignored?: { reason: string; by: string; at: string };
}

const ACCEPTED: WorkbookStore = {
  ...EMPTY_STORE,
  accepted: [{ key: "购买新智能单兵设备|DEVIATION_MISSING|指标：采购设备正常使用率", reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25 10:00" }],
};

describe("忽略: a warning accepted in the workbook's store", () => {
  let dir: string;
  let plain: string;
  let stored: string;
  let shifted: string;
  beforeAll(async () => {
    dir = tempDir();
    plain = tempFile("plain.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), dir);
    stored = tempFile("stored.xlsx", await withStore(await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), ACCEPTED), dir);
    // the same workbook after three rows were inserted above the form (and the store kept as it was)
    shifted = tempFile("shifted.xlsx", await withStore(await workbookBytes([seedSheet(SEED_FORMS[0], { origin: { row: 4, col: 1 } }).spec]), ACCEPTED), dir);
  });

  it.each([
    ["as written", () => stored, ["H16", "I16"]],
    ["after three rows are inserted above the form", () => shifted, ["H19", "I19"]],
  ])("is 已忽略 in the JSON report and not counted (%s)", async (_what, file, cells) => {
    const before = JSON.parse((await run("check", "--json", plain)).out);
    const r = await run("check", "--json", file());
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const deviation = (report.files[0].sheets[0].findings as Finding[]).filter((f) => f.code === "DEVIATION_MISSING");
    expect(deviation[0]).toMatchObject({ cells, ignored: { reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25 10:00" } });
    expect(deviation[1].ignored).toBeUndefined();
    expect(report.summary.warnings).toBe(before.summary.warnings - 1);
  });

  it("is listed apart in the text report, with its reason, and not counted", async () => {
    const r = await run("check", shifted);
    expect(r.out).toContain("错误 0 项，警告 5 项，提示 2 项，已忽略 1 项");
    expect(r.out).toMatch(/\[已忽略·警告\] H19、I19 {2}指标“采购设备正常使用率”.*（DEVIATION_MISSING）\u3000理由：扣分理由已在纸质材料中说明（张会计，2026-11-25 10:00）/);
    expect(r.out).not.toMatch(/\[警告\] H19、I19/);
  });

  it("is 已忽略 in the 校验结果 sheet of a scored copy, and the copy keeps the store", async () => {
    const out = join(dir, "scored.xlsx");
    expect((await run("fix", shifted, "--out", out)).code).toBe(0);
    const reading = await readWorkbook(new Uint8Array(readFileSync(out)));
    if (!reading.ok) throw new Error(reading.message);
    const list = reading.sheets.find((s) => s.isFindingsSheet)!.grid;
    const rows = new Map<number, string[]>();
    for (const [k, c] of list.cells) rows.set(Math.floor(k / 16384), [...(rows.get(Math.floor(k / 16384)) ?? []), String(c.value ?? "")]);
    const ignored = [...rows.values()].filter((r) => r.includes("已忽略"));
    expect(ignored).toEqual([[expect.any(String), "H19、I19", "已忽略", expect.stringContaining("采购设备正常使用率"), "已忽略：扣分理由已在纸质材料中说明（张会计，2026-11-25 10:00）", "DEVIATION_MISSING"]]);
    expect(reading.sheets.map((s) => [s.name, s.state])).toContainEqual(["ziping", "veryHidden"]);
    const again = JSON.parse((await run("check", "--json", out)).out);
    expect((again.files[0].sheets[0].findings as Finding[]).filter((f) => f.ignored).map((f) => f.cells)).toEqual([["H19", "I19"]]);
  });

  it("an error cannot be accepted: a store row naming one is not honoured (reported and counted as any error)", async () => {
    const wrongTotal = changedForm([{ row: 22, col: 8, value: 98 }]);
    const file = tempFile(
      "error.xlsx",
      await withStore(await workbookBytes([wrongTotal]), { ...EMPTY_STORE, accepted: [{ key: "购买新智能单兵设备|TOTAL_MISMATCH|总分", reason: "已知", by: "", at: "" }] }),
      dir,
    );
    const r = await run("check", "--json", file);
    expect(r.code).toBe(1);
    const total = (JSON.parse(r.out).files[0].sheets[0].findings as Finding[]).find((f) => f.code === "TOTAL_MISMATCH")!;
    expect(total).toMatchObject({ severity: "error", cells: ["H22"] });
    expect(total.ignored).toBeUndefined();
    expect(JSON.parse(r.out).summary.errors).toBe(1);
  });
});

describe("a store written the way Office.js writes it (exceljs: a very hidden worksheet of shared strings)", () => {
  it("is read by ziping check: its 评分方案, its 已忽略", async () => {
    const wb = new ExcelJS.Workbook();
    addSheetFromSpec(wb, seedSheet(SEED_FORMS[0]).spec);
    const ws = wb.addWorksheet("ziping");
    storeRows({ ...ACCEPTED, profile: "mof-2020" }).forEach((r, i) => r.forEach((v, j) => v !== "" && (ws.getCell(i + 1, j + 1).value = v)));
    ws.state = "veryHidden";
    const file = tempFile("office.xlsx", new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const report = JSON.parse((await run("check", "--json", file)).out);
    expect(report.files[0].profileUsed).toMatchObject({ id: "mof-2020", from: "workbook" });
    expect(report.files[0].sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["表1"]);
    expect((report.files[0].sheets[0].findings as Finding[]).filter((f) => f.ignored).map((f) => [f.code, f.cells])).toEqual([["DEVIATION_MISSING", ["H16", "I16"]]]);
  });
});

describe("a taught layout", () => {
  // a layout the locator does not know: 实际完成值 printed as 完成程度说明
  const unknown = () => changedForm([{ row: 14, col: 6, value: "完成程度说明" }]);

  it("without the store the form is only partly read (said as ours to fail: an info, no 总分); with the taught words the CLI reads it whole", async () => {
    const dir = tempDir();
    const bare = tempFile("bare.xlsx", await workbookBytes([unknown()]), dir);
    const before = await run("check", "--json", bare);
    expect(before.code).toBe(0);
    const partly = JSON.parse(before.out).files[0].sheets[0];
    expect(partly.form.indicators).toEqual([]);
    expect(partly.form.total.computed).toBeNull();
    expect(partly.form.scoring.kind).toBe("noVerdict");
    expect(partly.findings.filter((f: Finding) => f.severity === "error")).toEqual([]);
    expect(partly.findings.filter((f: Finding) => f.code === "FIELD_MISSING").map((f: Finding) => [f.severity, f.message.slice(0, 4)])).toContainEqual(["info", "未能读取"]);

    const taught = tempFile("taught.xlsx", await withStore(await workbookBytes([unknown()]), { ...EMPTY_STORE, taught: [{ table: "indicators", field: "actual", text: "完成程度说明" }] }), dir);
    const after = await run("check", "--json", taught);
    expect(after.code).toBe(0);
    const read = JSON.parse(after.out).files[0].sheets[0];
    expect(read.form.indicators).toHaveLength(7);
    expect(read.form.total.computed).toBe("99.37");
    expect(read.findings).toEqual([]);
  });
});

describe("the 评分方案 travels with the file", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir();
    file = tempFile("mof.xlsx", await withStore(await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), { ...EMPTY_STORE, profile: "mof-2020" }), dir);
  });
  const mof = getProfile("mof-2020")!;
  const putuo = getProfile("putuo-2023")!;

  it("check without --profile uses the workbook's own, and the JSON says which and from where", async () => {
    const report = JSON.parse((await run("check", "--json", file)).out);
    expect(report.profile).toBe("putuo-2023"); // the run's (none chosen: the default), as before
    expect(report.files[0].profileUsed).toEqual({ id: "mof-2020", name: mof.name, from: "workbook" });
    const codes = report.files[0].sheets[0].findings.map((f: Finding) => `${f.code}:${f.severity}`);
    expect(codes).toContain("BUDGET_SCORE_MISMATCH:warning"); // 9.37 printed, 9.38 under half-up
    const text = await run("check", file);
    expect(text.out).toContain(`评分方案：${mof.name}（工作簿中保存的方案）`);
  });

  it("--profile wins; a workbook without a store says default", async () => {
    const chosen = JSON.parse((await run("check", "--json", "--profile", "putuo-2023", file)).out);
    expect(chosen.files[0].profileUsed).toEqual({ id: "putuo-2023", name: putuo.name, from: "option" });
    expect(chosen.files[0].sheets[0].findings.map((f: Finding) => f.code)).not.toContain("BUDGET_SCORE_MISMATCH");
    const plain = tempFile("plain.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), dir);
    const bare = JSON.parse((await run("check", "--json", plain)).out);
    expect(bare.files[0].profileUsed).toEqual({ id: "putuo-2023", name: putuo.name, from: "default" });
  });

  it("fix scores with the workbook's own; fix --profile keeps the 评分方案 chosen in the copy (a custom one whole)", async () => {
    const out = join(dir, "out.xlsx");
    const fixed = await run("fix", file, "--out", out);
    expect(fixed.out).toContain(`评分方案：${mof.name}（工作簿中保存的方案）`);
    const custom = join(dir, "方案.json");
    writeFileSync(custom, JSON.stringify({ base: "putuo-2023", lowExecutionRate: "95" }));
    const out2 = join(dir, "out2.xlsx");
    expect((await run("fix", file, "--out", out2, "--profile", custom)).code).toBe(0);
    const again = JSON.parse((await run("check", "--json", out2)).out);
    expect(again.files[0].profileUsed).toMatchObject({ id: "putuo-2023+custom", from: "workbook" });
    expect(again.files[0].sheets[0].findings.map((f: Finding) => f.code)).toContain("LOW_EXECUTION"); // 93.77 < 95
  });
});
