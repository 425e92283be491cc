/**
 * This year's 自评表 from the project's 绩效目标申报表 (rules.md §7.3, issue 19), and the blank 部门整体 自评表
 * (`--kind department`): every declared indicator and target carried over exactly (compared cell by cell with the
 * 申报表's own reading), each 一级 adding up to the profile's weight, the declared money as 年初预算数 — and the live
 * formulas, once the accountant types the actuals in, recalculated by LibreOffice to the engine's numbers.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSheet, getProfile, Grid, Profile, sheetReport, toA1 } from "../../src/engine";
import { D } from "../../src/engine/number/decimal";
import { SheetSpec, specToGrid } from "../../src/engine/sheet/sheetSpec";
import { declarationTemplateSpec, departmentTemplateSpec } from "../../src/engine/template";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { runTemplate } from "../../src/cli/templateCommand";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { tableGrid } from "../fixtures/tableGrid";
import { Conversion, convertWithLibreOffice, SKIP_LIBREOFFICE, sofficeAvailable } from "./libreOffice";

jest.setTimeout(240_000);

const putuo = getProfile("putuo-2023")!;

/** A 申报表 as Hubei prints it: 资金情况 beside their labels, 年度目标, 一级 / 二级 / 指标内容 / 指标值; seven indicators. */
const DECLARATION = tableGrid(
  [
    [{ v: "绩效目标申报表", cs: 5 }],
    [{ v: "（2024年度）", cs: 5 }],
    ["项目名称", { v: "农村义务教育薄弱学校改造", cs: 4 }],
    ["主管部门", "区教育局", "实施单位", { v: "化工区学校", cs: 2 }],
    [{ v: "资金情况（万元）", rs: 3 }, "年度资金总额：", { v: "160", cs: 3 }],
    ["其中：财政拨款", { v: "150", cs: 3 }],
    ["其他资金", { v: "10", cs: 3 }],
    [{ v: "总体目标", rs: 2 }, { v: "年度目标", cs: 4 }],
    [{ v: "全面改善农村义务教育薄弱学校办学条件", cs: 4 }],
    [{ v: "绩效指标", rs: 8 }, "一级指标", "二级指标", "指标内容", "指标值"],
    [{ v: "产出指标", rs: 4 }, "数量指标", "改造校舍面积", "≥1200平方米"],
    ["质量指标", "校舍维修改造质量合格率", "100%"],
    ["时效指标", "项目按计划完成率", "≥95%"],
    ["成本指标", "改造成本", "≤160万元"],
    [{ v: "效益指标", rs: 2 }, "社会效益指标", "办学条件改善", "明显改善"],
    ["可持续影响指标", "设施使用年限", "≥10年"],
    ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"],
  ],
  { sheet: "申报表" },
);

function made(): SheetSpec {
  const m = declarationTemplateSpec(DECLARATION, putuo);
  if (!m.ok) throw new Error(m.message);
  return m.spec;
}

describe("the 自评表 made from a 申报表", () => {
  const declared = analyzeSheet(DECLARATION, putuo).form!.model;
  const form = analyzeSheet(specToGrid(made()), putuo).form!;

  it("is a 自评表 of the same project, year and departments", () => {
    expect(form.model.kind).toBe("selfEvaluation");
    expect([form.model.projectName?.text, form.model.department?.text, form.model.implementer?.text, form.model.year]).toEqual(["农村义务教育薄弱学校改造", "区教育局", "化工区学校", 2024]);
  });

  it("carries every declared indicator — 一级, 二级, 三级, 年度指标值 — exactly, with an empty 实际完成值", () => {
    const row = (i: (typeof declared.indicators)[number]) => [i.level1.text, i.level2.text, i.name.text, i.targetText.text];
    expect(form.model.indicators.map(row)).toEqual(declared.indicators.map(row));
    expect(form.model.indicators.map((i) => i.actualText.text)).toEqual(declared.indicators.map(() => ""));
  });

  it("splits the profile's 一级 weights evenly (two decimals, the rest on the last row): 产出 4 × 12.50, 效益 2 × 15.00, 满意度 10.00", () => {
    const weights = form.indicators.map((i) => i.weight?.toFixed(2));
    expect(weights).toEqual(["12.50", "12.50", "12.50", "12.50", "15.00", "15.00", "10.00"]);
    const byLevel1 = new Map<string, InstanceType<typeof D>>();
    for (const i of form.indicators) byLevel1.set(i.indicator.level1.text, (byLevel1.get(i.indicator.level1.text) ?? new D(0)).plus(i.weight!));
    expect(Object.fromEntries([...byLevel1].map(([k, v]) => [k, v.toFixed(2)]))).toEqual({ 产出指标: "50.00", 效益指标: "30.00", 满意度指标: "10.00" });
  });

  it("puts the declared 年度资金总额 and parts in 年初预算数, leaves 全年预算数 and 全年执行数 to the accountant, the 年度目标 as 预期目标", () => {
    expect(form.model.funds.map((f) => [f.label.text, f.initialBudget?.text, f.budget.text, f.executed.text])).toEqual([
      ["年度资金总额：", "160", "", ""],
      ["其中：财政拨款", "150", "", ""],
      ["其他资金", "10", "", ""],
    ]);
    expect(form.model.goal.expected?.text).toBe("全面改善农村义务教育薄弱学校办学条件");
  });

  it("ziping template --from the 申报表 writes it, saying what it did", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ziping-decl-"));
    const wb = new ExcelJS.Workbook();
    addSheetFromSpec(wb, { name: "申报表", cells: [...DECLARATION.cells].map(([key, cell]) => ({ row: Math.floor(key / 16384), col: key % 16384, value: cell.value })), merges: DECLARATION.merges });
    writeFileSync(join(dir, "申报表.xlsx"), await workbookToBytes(wb));
    let said = "";
    const code = await runTemplate(["--out", join(dir, "自评表.xlsx"), "--from", join(dir, "申报表.xlsx")], { out: (t) => (said += t), err: (t) => process.stderr.write(t) });
    expect(code).toBe(0);
    expect(said).toContain("中的绩效目标申报表生成");
    const reading = await readWorkbook(new Uint8Array(readFileSync(join(dir, "自评表.xlsx"))));
    if (!reading.ok) throw new Error(reading.message);
    expect(analyzeSheet(reading.grids[0], putuo).form!.model.indicators.map((i) => i.targetText.text)).toEqual(declared.indicators.map((i) => i.targetText.text));
  });
});

describe("the blank 部门整体 自评表 (--kind department)", () => {
  it("reads as a 部门整体 自评表 with its 基本支出 / 人员经费 / 公用经费 / 项目支出 rows and no finding but the blanks'", () => {
    const a = analyzeSheet(specToGrid(departmentTemplateSpec(putuo, { year: 2024 })), putuo);
    expect(a.form!.model.kind).toBe("departmentSelfEvaluation");
    expect(a.form!.model.funds.map((f) => f.label.text)).toEqual(["年度资金总额：", "其中：基本支出", "人员经费", "公用经费", "项目支出"]);
    // a blank form lacks its actuals (VALUE_MISSING), nothing else
    expect(a.findings.filter((f) => f.severity === "error" && f.code !== "VALUE_MISSING")).toEqual([]);
  });
});

/** The spec as an .xlsx with the inputs typed in and every formula's cached result poisoned. */
async function filled(spec: SheetSpec, inputs: Record<string, number | string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = addSheetFromSpec(wb, spec);
  for (const [a1, v] of Object.entries(inputs)) {
    expect(ws.getCell(a1).formula).toBeUndefined();
    ws.getCell(a1).value = v;
  }
  ws.eachRow((row) => row.eachCell((c) => {
    if (c.formula) c.value = { formula: c.formula, result: "未重算" } as ExcelJS.CellFormulaValue;
  }));
  return workbookToBytes(wb);
}

/** Amounts (全年预算数, 全年执行数 of each funds row) and every 得分 at 80 % of its 分值, one actual each. */
function inputsOf(spec: SheetSpec, profile: Profile, amounts: readonly [number, number][]): Record<string, number | string> {
  const form = analyzeSheet(specToGrid(spec), profile).form!;
  const out: Record<string, number | string> = {};
  form.model.funds.forEach((f, i) => {
    const [budget, executed] = amounts[i] ?? [0, 0];
    out[toA1(f.budget.cell)] = budget;
    out[toA1(f.executed.cell)] = executed;
    if (f.initialBudget && f.initialBudget.reading.kind !== "number") out[toA1(f.initialBudget.cell)] = budget;
  });
  form.indicators.forEach((s) => {
    out[toA1(s.indicator.actualText.cell)] = "达成";
    out[toA1(s.indicator.score!.cell)] = s.weight!.times("0.8").toNumber();
  });
  return out;
}

const run = SKIP_LIBREOFFICE ? describe.skip : describe;

run("LibreOffice recalculates them exactly once the actuals are typed in", () => {
  let conversion: Conversion;
  const fromDeclaration = made();
  const department = departmentTemplateSpec(putuo, { year: 2024 });
  beforeAll(async () => {
    if (!sofficeAvailable()) throw new Error("LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui, or set ZIPING_NO_LIBREOFFICE=1 to skip");
    conversion = convertWithLibreOffice(
      new Map([
        // 150 of 160 spent: 93.75 %, 9.37 (truncated), + 80 % of 90 = 72.00: 81.37, 良
        ["from-declaration.xlsx", await filled(fromDeclaration, inputsOf(fromDeclaration, putuo, [[160, 150], [150, 140], [10, 10]]))],
        // 999.65 of 1080: 92.56 %, 9.25, + 72.00 = 81.25, 良; 基本支出 = 人员 + 公用
        ["department.xlsx", await filled(department, inputsOf(department, putuo, [[1080, 999.65], [620, 610.2], [510, 505], [110, 105.2], [460, 389.45]]))],
      ]),
    );
  });

  async function report(name: string): Promise<ReturnType<typeof sheetReport>> {
    const reading = await readWorkbook(conversion.outputs.get(name)!);
    if (!reading.ok) throw new Error(reading.message);
    const grid: Grid = reading.grids[0];
    return sheetReport(analyzeSheet(grid, putuo));
  }

  it.each([
    ["from-declaration.xlsx", "93.75", "9.37", "81.37", "良"],
    ["department.xlsx", "92.56", "9.25", "81.25", "良"],
  ])("%s: the spreadsheet's 执行率 %s, 预算执行得分 %s, 总分 %s, %s — the engine's, with no formula that disagrees", async (name, rate, budgetScore, total, grade) => {
    const r = await report(name);
    const f = r.form!;
    expect([f.funds[0].rate.declared, f.budgetScore.declared, f.total.declared, f.grade.declared]).toEqual([rate, budgetScore, total, grade]);
    expect([f.funds[0].rate.computed, f.budgetScore.computed, f.total.computed, f.grade.computed]).toEqual([rate, budgetScore, total, grade]);
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([]);
  });
});
