/**
 * Issue 13 in Excel (the fake): 校验全部 over the whole workbook in a constant number of round trips, the store sheet
 * (忽略 with a reason, taught header words, the 评分方案) through Office.js, the 汇总 sheet, the live re-check's ear.
 */
import { appendFileSync } from "node:fs";
import { checkWorkbook, readStore, reportSummaryRows, STORE_MARKER } from "../../src/app";
import { getProfile } from "../../src/engine";
import { SheetSpec, specToGrid } from "../../src/engine/sheet/sheetSpec";
import { ALL_CAPABILITIES, checkAllSheets, createExcelHost, readAllSheets, recheckSheet } from "../../src/adapters/excel";
import { changedForm } from "../fixtures/cleanForm";
import { coverSheet, EXPECTED, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";

const caps = ALL_CAPABILITIES;
const profile = getProfile("putuo-2023")!;

/** The 11 seed forms, each on its sheet 表1…表11, after a cover sheet; `copies` more sheets of the same forms. */
function seedBook(copies = 0): FakeWorkbook {
  const sheets = [FakeSheet.fromSpec(coverSheet())];
  for (let i = 0; i < 11 + copies; i++) sheets.push(FakeSheet.fromSpec(seedSheet(SEED_FORMS[i % 11], { sheetName: `表${i + 1}` }).spec));
  return new FakeWorkbook(...sheets);
}

/** An Excel host over the fake: each Excel.run gets a new context, as in Excel; `contexts` keeps them for counting. */
function hostOver(book: FakeWorkbook, at = "2026-11-25T10:00:00.000Z") {
  const contexts: FakeContext[] = [];
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => {
    const ctx = new FakeContext(book);
    contexts.push(ctx);
    return batch(asContext(ctx));
  };
  // the host asks Office for its API sets; the fake has them all
  const host = createExcelHost(run, { now: () => new Date(at), capabilities: caps });
  return { host, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0), writes: () => contexts.flatMap((c) => c.log.filter((l) => l.op !== "select" && l.op !== "activate")) };
}

const recordSyncs = (what: string, sheets: number, syncs: number) => {
  if (process.env.ZIPING_BENCH_SYNCS) appendFileSync(process.env.ZIPING_BENCH_SYNCS, JSON.stringify({ case: what, sheets, syncs }) + "\n");
};

describe("校验全部: every sheet in a constant number of round trips, nothing written", () => {
  it.each([
    ["the 11-form seed workbook", 0],
    ["50 form sheets", 39],
  ])("%s: 2 syncs, the rules.md §6 totals and grades, zero writes", async (_name, copies) => {
    const book = seedBook(copies);
    const ctx = new FakeContext(book);
    const checked = await checkAllSheets(asContext(ctx), { capabilities: caps });
    if (!checked.ok) throw new Error(checked.message);
    recordSyncs("checkAll", 11 + copies, ctx.syncCount);
    expect(ctx.syncCount).toBe(2);
    expect(ctx.log).toEqual([]);
    const rows = reportSummaryRows(checked.reports, "");
    expect(rows).toHaveLength(11 + copies);
    rows.slice(0, 11).forEach((r, i) => expect([r.sheet, r.projectName, r.total, r.grade, r.errors]).toEqual([`表${i + 1}`, SEED_FORMS[i].title, EXPECTED[i + 1].total, EXPECTED[i + 1].grade, 0]));
    // the checks across forms see every sheet: 表2's indicator rows are another project's in the seed
    expect(checked.reports[2].findings.map((f) => f.code)).toContain("INDICATORS_COPIED_FROM_OTHER_FORM");
    expect(checked.details["表1"][0].keys).toHaveLength(checked.reports[1].findings.length);
  });

  it("on the web, a workbook too large for one response is read in halves: still correct, more syncs only then", async () => {
    const book = seedBook(39);
    book.host.platform = "web";
    // pad every sheet with long text outside the form so that all 50 together pass 5 MB but each alone does not
    for (const s of book.sheets.slice(1)) for (let r = 1; r <= 40; r++) s.ensure(r, 30).value = "说明".repeat(1500);
    const ctx = new FakeContext(book);
    const checked = await checkAllSheets(asContext(ctx), { capabilities: caps });
    if (!checked.ok) throw new Error(checked.message);
    expect(ctx.syncCount).toBeGreaterThan(2);
    expect(reportSummaryRows(checked.reports, "").map((r) => r.total).slice(0, 11)).toEqual(SEED_FORMS.map((f) => EXPECTED[f.id].total));
  });

  it("says how far it got between the round trips: the sheets being read after the list came, then checked once they came", async () => {
    const book = seedBook();
    book.sheets[3].visibility = "Hidden"; // skipped: not counted
    const { host, syncs } = hostOver(book);
    const saved = await host.updateStore({ kind: "accept", key: "k|PLAN_MISSING|x", severity: "warning", reason: "已说明", by: "" });
    if (!saved.ok) throw new Error(saved.message); // a very hidden store sheet now: never counted as a sheet
    const before = syncs();
    const seen: [string, number, number][] = [];
    const r = await host.checkAll("putuo-2023", { onProgress: (p) => seen.push([p.stage, p.sheets, syncs() - before]) });
    if (!r.ok) throw new Error(r.message);
    // 说明 + 表1…表11 less the hidden 表3; "reading" after the first of the two round trips, "checking" after both
    expect(seen).toEqual([
      ["reading", 11, 1],
      ["checking", 11, 2],
    ]);
    expect(syncs() - before).toBe(2);
  });

  it("hidden sheets are skipped and said so; very hidden ones are never checked", async () => {
    const book = seedBook();
    book.sheets[3].visibility = "Hidden";
    book.sheets[4].visibility = "VeryHidden";
    const read = await readAllSheets(asContext(new FakeContext(book)), caps);
    expect(read.grids.map((g) => g.sheet)).toEqual(["说明", "表1", "表2", ...Array.from({ length: 7 }, (_, i) => `表${i + 5}`)]);
    expect(read.notes).toEqual(["已跳过隐藏的工作表：“表3”（如需校验，请先取消隐藏）。"]);
  });

  it("a re-check of one sheet reads it in full and the others as values only: two syncs, zero writes", async () => {
    const book = seedBook();
    const ctx = new FakeContext(book);
    const r = await recheckSheet(asContext(ctx), "表4", { capabilities: caps });
    if (!r.ok) throw new Error(r.message);
    expect(ctx.syncCount).toBe(2);
    expect(ctx.log).toEqual([]);
    expect(r.report.form?.total.computed).toBe(EXPECTED[4].total);
  });
});

describe("the store sheet through Office.js", () => {
  it("忽略 with a reason: a very hidden sheet of text rows; the warning is 已忽略 everywhere, still after a row is inserted above", async () => {
    const book = seedBook();
    const { host, writes } = hostOver(book);
    const all = await host.checkAll("putuo-2023");
    if (!all.ok) throw new Error(all.message);
    const i = all.reports[1].findings.findIndex((f) => f.code === "DEVIATION_MISSING");
    const key = all.details["表1"][0].keys[i];
    const saved = await host.updateStore({ kind: "accept", key, severity: "warning", reason: "扣分理由已在纸质材料中说明", by: "张会计" });
    expect(saved).toMatchObject({ ok: true });
    const store = book.sheets.find((s) => s.cell(1, 1)?.value === STORE_MARKER)!;
    expect([store.name, store.visibility]).toEqual(["ziping", "VeryHidden"]);
    // every cell text, every cell formatted as text (no reason ever becomes a number or a date)
    for (const c of store.cells.values()) if (c.value !== null) expect([typeof c.value, c.numberFormat]).toEqual(["string", "@"]);
    expect(writes().every((w) => w.sheet === "ziping")).toBe(true);

    const again = await host.checkAll("putuo-2023");
    if (!again.ok) throw new Error(again.message);
    const accepted = again.reports[1].findings[i];
    expect(accepted.ignored).toEqual({ reason: "扣分理由已在纸质材料中说明", by: "张会计", at: "2026-11-25T10:00:00.000Z" });
    expect(again.reports.find((r) => r.sheet === "ziping")).toBeUndefined(); // the store is never a sheet of the view

    // the user inserts a row above the form: the decision is keyed by project, code and subject, not by A1
    const sheet1 = book.sheet("表1")!;
    const moved = [...sheet1.cells.entries()].map(([k, c]) => {
      const [r, col] = k.split(":").map(Number);
      return [`${r + 1}:${col}`, c] as const;
    });
    sheet1.cells.clear();
    for (const [k, c] of moved) sheet1.cells.set(k, c);
    sheet1.merges = sheet1.merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 }));
    const shifted = await host.checkAll("putuo-2023");
    if (!shifted.ok) throw new Error(shifted.message);
    const same = shifted.reports[1].findings.find((f) => f.code === "DEVIATION_MISSING" && f.cells[0] === accepted.cells[0].replace(/\d+/, (n) => String(Number(n) + 1)));
    expect(same?.ignored?.reason).toBe("扣分理由已在纸质材料中说明");
  });

  it("an error cannot be accepted: a Chinese message, nothing written", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(changedForm([{ row: 22, col: 8, value: 98 }])));
    const { host, writes } = hostOver(book);
    const all = await host.checkAll("putuo-2023");
    if (!all.ok) throw new Error(all.message);
    const sheet = all.reports[0].sheet;
    const i = all.reports[0].findings.findIndex((f) => f.code === "TOTAL_MISMATCH");
    const r = await host.updateStore({ kind: "accept", key: all.details[sheet][0].keys[i], severity: "error", reason: "见说明", by: "" });
    expect(r).toEqual({ ok: false, code: "STORE_REFUSED", message: expect.stringContaining("错误不能忽略") });
    expect(writes()).toEqual([]);
  });

  it("取消忽略 rewrites the store shorter and clears the rows left over", async () => {
    const book = seedBook();
    const { host } = hostOver(book);
    const all = await host.checkAll("putuo-2023");
    if (!all.ok) throw new Error(all.message);
    const keys = all.details["表1"][0].keys;
    const warnings = all.reports[1].findings.map((f, i) => ({ f, i })).filter(({ f }) => f.severity !== "error").slice(0, 2);
    for (const { i, f } of warnings) await host.updateStore({ kind: "accept", key: keys[i], severity: f.severity, reason: "理由", by: "" });
    await host.updateStore({ kind: "unaccept", key: keys[warnings[0].i] });
    const store = book.sheet("ziping")!;
    const grid = { rows: [...store.cells.entries()].filter(([, c]) => c.value !== null).map(([k]) => Number(k.split(":")[0])) };
    expect(Math.max(...grid.rows)).toBe(2);
    const read = readStore([(await readAllSheets(asContext(new FakeContext(book)), caps)).grids.at(-1)!]);
    expect(read.accepted.map((a) => a.key)).toEqual([keys[warnings[1].i]]);
  });

  it("the 评分方案 is kept in the store (the command line reads it) and loaded from it", async () => {
    const book = seedBook();
    const { host } = hostOver(book);
    await host.saveProfileId("mof-2020");
    expect(book.settings.get("ziping.profile")).toBe("mof-2020");
    book.settings.clear(); // only the store has it now
    await expect(host.loadProfileId()).resolves.toBe("mof-2020");
    const all = await host.checkAll(undefined as unknown as string);
    expect(all).toMatchObject({ ok: true, profileId: "mof-2020" });
  });

  it("teach a layout: a header the locator does not know, taught from the selected cell, reads the form", async () => {
    // 实际完成值 printed as 完成程度说明: the indicator table is not read
    const unknown: SheetSpec = { ...changedForm([{ row: 14, col: 6, value: "完成程度说明" }]), name: "自评表" };
    const book = new FakeWorkbook(FakeSheet.fromSpec(unknown));
    const { host } = hostOver(book);
    const before = await host.checkAll("putuo-2023");
    if (!before.ok) throw new Error(before.message);
    expect(before.reports[0].findings.map((f) => f.code)).toContain("FIELD_MISSING");
    const header = before.details["自评表"][0].unplaced.find((u) => u.text === "完成程度说明")!;
    book.sheets[0].selection = header.cell;
    const picked = await host.selectedCell();
    expect(picked).toEqual({ ok: true, sheet: "自评表", cell: header.cell, text: "完成程度说明" });
    await host.updateStore({ kind: "teach", table: "indicators", field: "actual", text: "完成程度说明" });
    const after = await host.checkAll("putuo-2023");
    if (!after.ok) throw new Error(after.message);
    expect(after.reports[0].findings.map((f) => f.code)).not.toContain("FIELD_MISSING");
    // read as the clean form it was made from
    const clean = checkWorkbook([specToGrid(changedForm([]))], profile).sheets[0].report;
    expect(after.reports[0].form?.total.computed).toBe(clean.form?.total.computed);
    expect(after.reports[0].form?.indicators.map((i) => i.actual)).toEqual(clean.form?.indicators.map((i) => i.actual));
  });
});

describe("生成汇总表", () => {
  it("a 汇总 sheet: a row per form, worst first, each linking to its form; a second one replaces it", async () => {
    const book = seedBook();
    const { host } = hostOver(book);
    const made = await host.addSummary("putuo-2023");
    expect(made).toEqual({ ok: true, sheet: "汇总", rows: 11, notes: [] });
    const sheet = book.sheet("汇总")!;
    expect([1, 2, 3, 4, 5].map((c) => sheet.cell(1, c)?.value)).toEqual(["工作表", "项目名称", "总分", "评分等级", "错误"]);
    const links = Array.from({ length: 11 }, (_, i) => sheet.cell(i + 2, 2)?.hyperlink?.documentReference);
    expect(links.every((l) => /^'表\d+'!H6$/.test(l ?? ""))).toBe(true);
    // every form is there once, and its link names its own sheet
    expect(new Set(links).size).toBe(11);
    for (let r = 2; r <= 12; r++) expect(sheet.cell(r, 2)?.hyperlink?.documentReference).toBe(`'${String(sheet.cell(r, 1)?.value)}'!H6`);
    // marked as the command line marks its 汇总 (a hidden name scoped to the sheet)
    expect(sheet.names.get("ziping_summary")).toEqual({ reference: "='汇总'!$A$1", visible: false });
    await host.addSummary("putuo-2023");
    expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith("汇总"))).toEqual(["汇总"]);
  });

  it("a user's own sheet called 汇总 is kept: ours is 汇总 (2)", async () => {
    const book = seedBook();
    const mine = new FakeSheet("汇总");
    mine.ensure(1, 1).value = "我的汇总";
    book.sheets.push(mine);
    const { host } = hostOver(book);
    expect(await host.addSummary("putuo-2023")).toMatchObject({ ok: true, sheet: "汇总 (2)" });
    expect(book.sheet("汇总")!.cell(1, 1)?.value).toBe("我的汇总");
  });
});

describe("the live re-check's ear (WorksheetCollection.onChanged)", () => {
  it("an edit is heard with its sheet's name; after stop, no more", async () => {
    const book = seedBook();
    const { host, contexts } = hostOver(book);
    const heard: string[] = [];
    const stop = await host.watchEdits((sheet) => heard.push(sheet));
    expect(stop).not.toBeNull();
    await book.userEdit("表3", "E20", 95);
    expect(heard).toEqual(["表3"]);
    await stop!();
    await book.userEdit("表3", "E20", 96);
    expect(heard).toEqual(["表3"]);
    expect(contexts.flatMap((c) => c.cellWrites)).toEqual([]);
  });
});
