import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Grid, keyCol, keyRow } from "../../src/engine/grid/grid";
import { addTemplateSheet, ALL_CAPABILITIES } from "../../src/adapters/excel";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { runTemplate } from "../../src/cli/templateCommand";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";
import { gridSpec, tableGrid } from "../fixtures/tableGrid";

const quiet = { out: () => undefined, err: () => undefined };

/** The sheet `ziping template` writes, as the engine's grid. */
async function cliSheet(args: string[]): Promise<Grid> {
  const out = join(tempDir(), "t.xlsx");
  expect(await runTemplate(["--out", out, ...args], quiet)).toBe(0);
  const r = await readWorkbook(new Uint8Array(readFileSync(out)));
  if (!r.ok) throw new Error(r.message);
  return r.grids[0];
}

/** Every cell the CLI wrote must be in the add-in's sheet: the same constant, or the same formula; the same format. */
function expectSameCells(sheet: FakeSheet, grid: Grid): void {
  const cliCells = [...grid.cells.entries()].map(([k, c]) => ({
    at: `${keyRow(k)}:${keyCol(k)}`,
    constant: c.formula === undefined ? c.value : null,
    formula: c.formula ?? null,
    numberFormat: c.numberFormat ?? null,
  }));
  const addinCells = cliCells.map(({ at }) => {
    const c = sheet.cells.get(at);
    return { at, constant: c?.formula === undefined ? (c?.value ?? null) : null, formula: c?.formula ?? null, numberFormat: c?.numberFormat && c.numberFormat !== "General" ? c.numberFormat : null };
  });
  expect(addinCells).toEqual(cliCells);
  const order = (ms: readonly { top: number; left: number }[]) => [...ms].sort((a, b) => a.top - b.top || a.left - b.left);
  expect(order(sheet.merges)).toEqual(order(grid.merges));
}

describe("新建自评表 / 生成下年度模板 in Excel (two syncs, the CLI's sheet cell for cell)", () => {
  it("新建自评表: two syncs, the profile stored with the workbook, the same cells as `ziping template`", async () => {
    const book = new FakeWorkbook(new FakeSheet("Sheet1"));
    book.settings.set("ziping.profile", "mof-2020");
    const ctx = new FakeContext(book);
    const r = await addTemplateSheet(asContext(ctx), "new", { capabilities: ALL_CAPABILITIES });
    expect(r).toMatchObject({ ok: true, sheet: "自评表", year: new Date().getFullYear() });
    expect(ctx.syncCount).toBe(2);
    expect(book.active.name).toBe("自评表");
    expectSameCells(book.active, await cliSheet(["--profile", "mof-2020"]));
  });

  it("生成下年度模板 from the active seed form: two syncs, the same cells as `ziping template --from`", async () => {
    const { spec } = seedSheet(SEED_FORMS[0]);
    const book = new FakeWorkbook(FakeSheet.fromSpec(spec));
    const ctx = new FakeContext(book);
    const r = await addTemplateSheet(asContext(ctx), "nextYear", { capabilities: ALL_CAPABILITIES });
    expect(r).toMatchObject({ ok: true, sheet: "表1 (2)", year: 2024 });
    expect(ctx.syncCount).toBe(2);
    const source = tempFile("2023.xlsx", await workbookBytes([spec]));
    expectSameCells(book.sheet("表1 (2)")!, await cliSheet(["--from", source, "--sheet", "表1"]));
  });

  /** A 申报表 sheet (rules.md §7.2) as a SheetSpec, laid out from its printed table. */
  const declarationSpec = () => {
    const grid = tableGrid(
      [
        [{ v: "项目支出绩效目标申报表", cs: 5 }],
        [{ v: "（2024年度）", cs: 5 }],
        ["项目名称", { v: "城区路灯维护", cs: 4 }],
        [{ v: "资金情况（万元）", rs: 2 }, "年度资金总额：", { v: "100", cs: 3 }],
        ["其中：财政拨款", { v: "100", cs: 3 }],
        [{ v: "绩效指标", rs: 4 }, "一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维护路灯数", "≥1000盏"],
        ["效益指标", "社会效益指标", "夜间出行安全", "有效"],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
      ],
      { sheet: "申报表" },
    );
    return gridSpec(grid);
  };

  it("从申报表生成自评表 on the active 申报表: two syncs, the same cells as `ziping template --from 申报表.xlsx`", async () => {
    const spec = declarationSpec();
    const book = new FakeWorkbook(FakeSheet.fromSpec(spec));
    const ctx = new FakeContext(book);
    const r = await addTemplateSheet(asContext(ctx), "fromDeclaration", { capabilities: ALL_CAPABILITIES });
    expect(r).toMatchObject({ ok: true, sheet: "自评表", year: 2024 });
    expect(ctx.syncCount).toBe(2);
    const source = tempFile("申报表.xlsx", await workbookBytes([spec]));
    expectSameCells(book.sheet("自评表")!, await cliSheet(["--from", source]));
  });

  it("从申报表生成自评表 on a 自评表 says it is no 申报表 and adds nothing", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0]).spec));
    const r = await addTemplateSheet(asContext(new FakeContext(book)), "fromDeclaration", { capabilities: ALL_CAPABILITIES });
    expect(r).toMatchObject({ ok: false, code: "FORM_NOT_FOUND" });
    expect(!r.ok && r.message).toContain("不是绩效目标申报表");
    expect(book.sheets.map((s) => s.name)).toEqual(["表1"]);
  });

  it("新建部门整体自评表: the same cells as `ziping template --kind department`", async () => {
    const book = new FakeWorkbook(new FakeSheet("Sheet1"));
    const r = await addTemplateSheet(asContext(new FakeContext(book)), "department", { capabilities: ALL_CAPABILITIES });
    expect(r).toMatchObject({ ok: true, sheet: "自评表" });
    expectSameCells(book.sheet("自评表")!, await cliSheet(["--kind", "department"]));
  });

  it("生成下年度模板 on a sheet that is no form says so and adds nothing", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(coverSheet()));
    const ctx = new FakeContext(book);
    const r = await addTemplateSheet(asContext(ctx), "nextYear", { capabilities: ALL_CAPABILITIES });
    expect(r).toMatchObject({ ok: false, code: "FORM_NOT_FOUND" });
    expect(ctx.syncCount).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(["说明"]);
  });
});
