import ExcelJS from "exceljs";
import { analyzeSheet, getProfile, Grid, Profile, toA1 } from "../../src/engine";
import { specToGrid, SheetSpec } from "../../src/engine/sheet/sheetSpec";
import { D } from "../../src/engine/number/decimal";
import { defaultIndicators, LEVEL2_BY_LEVEL1, newTemplateSpec, splitWeight } from "../../src/engine/template";
import { budgetScoreFormula, executionRateFormula, gradeFormula } from "../../src/engine/template/formulas";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { templateBytes } from "../../src/adapters/xlsx/files";
import { zipEntryText } from "./zipEntry";

const putuo = getProfile("putuo-2023")!;
const mof = getProfile("mof-2020")!;

function cellAt(spec: SheetSpec, a1: string) {
  return spec.cells.find((c) => toA1(c) === a1);
}

describe("splitWeight", () => {
  it.each([
    ["50", [4, 3, 2, 1], ["20", "15", "10", "5"]],
    ["30", [1, 3, 1, 1], ["5", "15", "5", "5"]],
    ["10", [1], ["10"]],
    ["10", [1, 1, 1], ["3.33", "3.33", "3.34"]],
  ])("%s over %j", (total, shares, expected) => {
    const parts = splitWeight(new D(total), shares);
    expect(parts.map((p) => p.toString())).toEqual(expected);
    expect(parts.reduce((s, p) => s.plus(p), new D(0)).toString()).toBe(total);
  });
});

describe("newTemplateSpec", () => {
  it.each([putuo, mof])("is read back by the engine as a complete form (%s)", (profile) => {
    const spec = newTemplateSpec(profile, { year: 2024 });
    const analysis = analyzeSheet(specToGrid(spec), profile);
    expect(analysis.isForm).toBe(true);
    expect(analysis.findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);
    expect(analysis.findings.filter((f) => f.code === "FORMULA_DISAGREES" || f.code === "WEIGHT_SUM_MISMATCH")).toEqual([]);
    const model = analysis.form!.model;
    expect(model.year).toBe(2024);
    expect(model.title?.text).toBe("财政项目支出绩效自评表");
    expect(model.funds.map((f) => [f.kind, f.label.text])).toEqual([["fundsTotal", "年度资金总额："], ["part", "其中：当年财政拨款"], ["part", "上年结转资金"], ["part", "其他资金"]]);
    expect(model.indicators.map((i) => [i.level1.text, i.level2.text])).toEqual(
      Object.entries(LEVEL2_BY_LEVEL1).flatMap(([l1, l2s]) => l2s.map((l2) => [l1, l2])),
    );
  });

  it("weights add up to the profile: 分数 10 + 产出 50 + 效益 30 + 满意度 10 = 100", () => {
    const spec = newTemplateSpec(putuo, { year: 2024 });
    const form = analyzeSheet(specToGrid(spec), putuo).form!;
    const sumOf = (kind: string) =>
      form.indicators.filter((i) => i.indicator.level1Kind === kind).reduce((s, i) => s.plus(i.weight!), new D(0)).toFixed(2);
    expect([form.budgetWeight.toFixed(2), sumOf("output"), sumOf("benefit"), sumOf("satisfaction")]).toEqual(["10.00", "50.00", "30.00", "10.00"]);
    expect(form.weightSum.toFixed(2)).toBe("100.00");
    expect(form.indicators.map((i) => i.weight!.toNumber())).toEqual([20, 15, 10, 5, 5, 15, 5, 5, 10]);
    // the 总分 row's 分值 is a live SUM whose cached value is the total
    expect(cellAt(spec, "G24")).toMatchObject({ value: 100, formula: "ROUND(SUM(G6,G15:G23),2)" });
  });

  it("follows a customised profile's 一级 weights", () => {
    const custom = { ...putuo, budgetWeight: "20", level1Weights: { output: "40", benefit: "30", satisfaction: "10" } };
    const weights = defaultIndicators(custom).map((i) => i.weight);
    expect(weights).toEqual([16, 12, 8, 4, 5, 15, 5, 5, 10]);
    const form = analyzeSheet(specToGrid(newTemplateSpec(custom, { year: 2024 })), custom).form!;
    expect(form.weightSum.toFixed(2)).toBe("100.00");
  });

  it("carries example targets in the printed formats", () => {
    const targets = defaultIndicators(putuo).map((i) => i.target);
    expect(targets).toContain("≥95.00(%)");
    expect(targets).toContain("≤100.00(%)");
    const form = analyzeSheet(specToGrid(newTemplateSpec(putuo, { year: 2024 })), putuo).form!;
    expect(form.model.indicators.filter((i) => i.target.kind === "quantitative").length).toBeGreaterThanOrEqual(6);
    expect(analyzeSheet(specToGrid(newTemplateSpec(putuo, { year: 2024 })), putuo).findings.map((f) => f.code)).not.toContain("TARGET_UNPARSEABLE");
  });

  it("writes live formulas in the profile's rounding, with blank cached results", () => {
    const t = newTemplateSpec(putuo, { year: 2024 });
    expect(cellAt(t, "H6")).toMatchObject({
      value: "",
      formula: 'IF(COUNT(E6:F6)=0,"",IF(E6=0,IF(F6=0,"","-"),ROUNDDOWN(ROUND(F6*100/E6,10),2)))',
      numberFormat: "0.00",
    });
    for (const r of [7, 8, 9]) expect(cellAt(t, `H${r}`)?.formula).toBe(executionRateFormula(`E${r}`, `F${r}`, putuo));
    expect(cellAt(t, "I6")).toMatchObject({ value: "", formula: budgetScoreFormula("G6", "E6", "F6", putuo) });
    expect(cellAt(t, "I6")?.formula).toContain("ROUNDDOWN(ROUND(G6*MIN(F6/E6,1),10),2)");
    expect(cellAt(t, "H24")).toMatchObject({ value: "", formula: 'IF(COUNT(I6,H15:H23)=0,"",ROUND(SUM(I6,H15:H23),2))' });
    expect(cellAt(t, "C25")).toMatchObject({
      value: "",
      formula: 'IF(ISNUMBER(H24),IF(H24>=90,"优",IF(H24>=80,"良",IF(H24>=60,"中","差"))),"")',
    });
    const m = newTemplateSpec(mof, { year: 2024 });
    expect(cellAt(m, "H6")?.formula).toBe('IF(COUNT(E6:F6)=0,"",IF(E6=0,IF(F6=0,"","-"),ROUND(ROUND(F6*100/E6,10),2)))');
    expect(cellAt(m, "I6")?.formula).not.toContain("ROUNDDOWN");
  });

  it("grades by the profile's bands", () => {
    const strict = { ...putuo, gradeBands: [{ grade: "优", min: "95" }, { grade: "良", min: "85" }, { grade: "中", min: "70" }] as Profile["gradeBands"] };
    expect(gradeFormula("H9", strict)).toBe('IF(ISNUMBER(H9),IF(H9>=95,"优",IF(H9>=85,"良",IF(H9>=70,"中","差"))),"")');
  });

  it("lays out like the printed forms: merges, borders, widths, formats, print setup", () => {
    const spec = newTemplateSpec(putuo, { year: 2024, sheetName: "新项目" });
    expect(spec.name).toBe("新项目");
    expect(cellAt(spec, "A1")).toMatchObject({ value: "财政项目支出绩效自评表", style: { bold: true, fontSize: 16 } });
    expect(cellAt(spec, "A2")?.value).toBe("（2024 年度）");
    expect(spec.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 9 },
        { top: 5, left: 1, bottom: 9, right: 2 }, // 项目资金（万元） vertical
        { top: 10, left: 1, bottom: 13, right: 1 }, // 年度总体目标
        { top: 15, left: 1, bottom: 18, right: 1 }, // 产出指标 over its 4 rows
        { top: 19, left: 1, bottom: 22, right: 1 }, // 效益指标
        { top: 14, left: 3, bottom: 14, right: 4 }, // 三级指标
        { top: 24, left: 1, bottom: 24, right: 6 }, // 总分
        { top: 25, left: 3, bottom: 25, right: 9 }, // 评分等级 value
      ]),
    );
    // every cell of the table is boxed, amounts have 2 decimals
    for (let r = 3; r <= 25; r++) for (let c = 1; c <= 9; c++) expect(cellAt(spec, toA1({ row: r, col: c }))?.style?.border).toBe(true);
    for (const a of ["D6", "E6", "F6", "D9", "F9"]) expect(cellAt(spec, a)).toMatchObject({ value: null, numberFormat: "#,##0.00" });
    for (const a of ["G6", "H6", "I6", "G15", "H15", "G24", "H24"]) expect(cellAt(spec, a)?.numberFormat).toBe("0.00");
    expect(cellAt(spec, "C15")?.style?.wrap).toBe(true);
    expect(spec.columnWidths).toHaveLength(9);
    expect(spec.printFitWidth).toBe(true);
  });

  it("validates inputs: amounts ≥ 0, 得分 between 0 and its own 分值, 一级/二级 lists", () => {
    const v = newTemplateSpec(putuo, { year: 2024 }).validations!;
    expect(v).toContainEqual(expect.objectContaining({ kind: "decimal", range: { top: 6, left: 4, bottom: 9, right: 6 }, min: "0" }));
    expect(v).toContainEqual(expect.objectContaining({ kind: "decimal", range: { top: 15, left: 7, bottom: 23, right: 7 }, min: "0" }));
    for (let r = 15; r <= 23; r++) {
      expect(v).toContainEqual(expect.objectContaining({ kind: "decimal", range: { top: r, left: 8, bottom: r, right: 8 }, min: "0", maxFormula: `G${r}` }));
    }
    expect(v).toContainEqual(expect.objectContaining({ kind: "list", range: { top: 15, left: 1, bottom: 23, right: 1 }, items: ["产出指标", "效益指标", "满意度指标"] }));
    const level2 = v.find((x) => x.kind === "list" && x.range.left === 2);
    expect(level2 && level2.kind === "list" && level2.items).toEqual(Object.values(LEVEL2_BY_LEVEL1).flat());
  });

  it("does not depend on the clock when the year is given, and defaults to the current year", () => {
    expect(JSON.stringify(newTemplateSpec(putuo, { year: 2030 }))).toBe(JSON.stringify(newTemplateSpec(putuo, { year: 2030 })));
    expect(cellAt(newTemplateSpec(putuo), "A2")?.value).toBe(`（${new Date().getFullYear()} 年度）`);
  });
});

/**
 * The add-in writes the same SheetSpec through Office.js as the CLI through exceljs, so the template is the
 * same cell for cell if each adapter writes the spec faithfully: here, the CLI's .xlsx read back equals it.
 */
describe("the CLI's .xlsx is the SheetSpec, cell for cell", () => {
  const plain = (v: unknown) => (v === "" ? null : v ?? null);

  it.each([putuo, mof])("values, formulas, formats, merges, styles, validations, widths, print setup (%s)", async (profile) => {
    const spec = newTemplateSpec(profile, { year: 2024 });
    const bytes = await templateBytes(spec);
    const reading = await readWorkbook(bytes);
    if (!reading.ok) throw new Error(reading.message);
    const back = reading.grids[0];
    const expected = specToGrid(spec);
    expect(back.sheet).toBe(spec.name);
    // the reader keeps blank cells that carry a number format (a blank amount's #,##0.00), as the spec does
    const filled = [...expected.cells].filter(([, c]) => c.value !== null || c.formula !== undefined || c.numberFormat !== undefined).map(([k]) => k);
    expect([...back.cells.keys()].sort()).toEqual(filled.sort());
    for (const k of filled) {
      const a = back.cells.get(k);
      const e = expected.cells.get(k);
      expect({ k, value: plain(a?.value), formula: a?.formula, numberFormat: a?.numberFormat }).toEqual({
        k,
        value: plain(e?.value),
        formula: e?.formula,
        numberFormat: e?.numberFormat,
      });
    }
    const sortMerges = (g: Grid) => [...g.merges].map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
    expect(sortMerges(back)).toEqual(sortMerges(expected));
    expect(analyzeSheet(back, profile).findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    for (const c of spec.cells) {
      const x = ws.getCell(c.row, c.col);
      expect({ at: toA1(c), numFmt: x.numFmt, border: !!x.border?.top, bold: !!x.font?.bold, wrap: !!x.alignment?.wrapText }).toEqual({
        at: toA1(c),
        numFmt: c.numberFormat,
        border: !!c.style?.border,
        bold: !!c.style?.bold,
        wrap: !!c.style?.wrap,
      });
    }
    for (const { col, width } of spec.columnWidths!) expect(ws.getColumn(col).width).toBe(width);
    // exceljs reads a formula bound back as NaN: check the sheet's XML itself
    const xml = zipEntryText(bytes, "xl/worksheets/sheet1.xml");
    for (let r = 15; r <= 23; r++) {
      expect(xml).toMatch(new RegExp(`<dataValidation type="decimal"[^>]* sqref="H${r}"><formula1>0</formula1><formula2>G${r}</formula2>`));
    }
    expect(ws.getCell("A17").dataValidation).toMatchObject({ type: "list", formulae: ['"产出指标,效益指标,满意度指标"'] });
    expect(ws.getCell("E6").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual" });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(zipEntryText(bytes, "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });
});
