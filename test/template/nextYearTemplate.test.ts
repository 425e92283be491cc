import { analyzeSheet, getProfile, gridFromArray, toA1 } from "../../src/engine";
import { FormModel } from "../../src/engine/model/types";
import { specToGrid, SheetSpec } from "../../src/engine/sheet/sheetSpec";
import { nextYearTemplateSpec } from "../../src/engine/template";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { templateBytes } from "../../src/adapters/xlsx/files";
import { SEED_FORMS, seedSheet, SeedForm } from "../fixtures/seedForms";

const putuo = getProfile("putuo-2023")!;
const mof = getProfile("mof-2020")!;

function nextYear(form: SeedForm, variant = {}): SheetSpec {
  const made = nextYearTemplateSpec(specToGrid(seedSheet(form, variant).spec), putuo);
  if (!made.ok) throw new Error(made.message);
  return made.spec;
}

function modelOf(spec: SheetSpec): FormModel {
  const analysis = analyzeSheet(specToGrid(spec), putuo);
  if (!analysis.form) throw new Error("not read as a form");
  return analysis.form.model;
}

const flat = (s: string) => s.replace(/\s+/g, "");

describe("生成下年度模板 from each of the 11 seed forms", () => {
  it.each(SEED_FORMS.map((f) => [f.id, f] as const))("form %i: the engine reads it back completely (grid and .xlsx)", async (_id, form) => {
    const spec = nextYear(form);
    const fromGrid = analyzeSheet(specToGrid(spec), putuo);
    expect(fromGrid.isForm).toBe(true);
    expect(fromGrid.findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);
    // the only errors of a blank form: each indicator still lacks its 实际完成值
    expect(fromGrid.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual(form.indicators.map(() => "VALUE_MISSING"));
    const reading = await readWorkbook(await templateBytes(spec));
    if (!reading.ok) throw new Error(reading.message);
    const fromFile = analyzeSheet(reading.grids[0], putuo);
    expect(fromFile.isForm).toBe(true);
    expect(fromFile.findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);
    expect(fromFile.form!.model.indicators).toHaveLength(form.indicators.length);
  });

  it.each(SEED_FORMS.map((f) => [f.id, f] as const))("form %i: keeps names, targets and weights; clears the rest, cell by cell", (_id, form) => {
    const spec = nextYear(form);
    const m = modelOf(spec);
    expect(m.year).toBe(2024);
    expect(m.projectName?.text).toBe(form.title);
    expect(m.department?.text).toBe(form.department);
    expect(m.implementer?.text).toBe(form.implementer);
    expect(m.goal.expected?.text).toBe(form.goal.expected);
    expect(m.goal.actual?.text).toBe("");

    // funds: every amount blank, 分数 kept, 执行率 and 得分 are formulas
    expect(m.funds).toHaveLength(4);
    for (const row of m.funds) {
      for (const amount of [row.initialBudget!, row.budget, row.executed]) {
        expect({ at: toA1(amount.cell), reading: amount.reading.kind }).toEqual({ at: toA1(amount.cell), reading: "none" });
      }
      expect(row.rate?.formula).toMatch(/^IF\(COUNT\(/);
    }
    const total = m.funds.find((f) => f.kind === "fundsTotal")!;
    expect(total.weight?.reading).toMatchObject({ kind: "number" });
    expect(total.weight!.text).toBe("10");
    expect(total.score?.formula).toContain("MIN(");

    // indicators: one row per seed row, same order
    expect(m.indicators).toHaveLength(form.indicators.length);
    m.indicators.forEach((ind, i) => {
      const seed = form.indicators[i];
      expect({ row: i, l1: flat(ind.level1.text), l2: flat(ind.level2.text), name: ind.name.text, target: ind.targetText.text }).toEqual({
        row: i,
        l1: flat(seed.level1),
        l2: flat(seed.level2),
        name: seed.level3,
        target: seed.target,
      });
      expect(ind.weight!.reading.kind === "number" && ind.weight!.reading.value.toFixed(2)).toBe(seed.weight);
      for (const cleared of [ind.actualText, ind.deviation!]) expect({ at: toA1(cleared.cell), text: cleared.text }).toEqual({ at: toA1(cleared.cell), text: "" });
      expect({ at: toA1(ind.score!.cell), reading: ind.score!.reading.kind, formula: ind.score!.formula }).toEqual({
        at: toA1(ind.score!.cell),
        reading: "none",
        formula: undefined,
      });
    });
    expect(m.totalRow?.weight!.formula).toMatch(/^ROUND\(SUM\(/);
    expect(m.totalRow?.weight!.reading).toMatchObject({ kind: "number" });
    expect(m.totalRow!.weight!.text).toBe(form.total.weight.replace(/\.00$/, ""));
    expect(m.totalRow?.score!.formula).toBeDefined();
    expect(m.grade?.value.formula).toContain("ISNUMBER(");

    // no actual, 得分 or 偏差 text of this year survives anywhere on the sheet
    const kept = new Set([...form.indicators.flatMap((i) => [i.target, i.level3]), form.goal.expected, form.title, form.department, form.implementer]);
    const gone = [...form.indicators.flatMap((i) => [i.actual, i.deviation]), form.goal.actual].filter((t) => t !== "" && !kept.has(t));
    const texts = spec.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    for (const t of gone) expect(texts).not.toContain(t);
    // and no number but the weights: amounts and scores are gone
    const numbers = spec.cells.filter((c) => typeof c.value === "number" && c.formula === undefined).map((c) => [toA1(c), c.value]);
    expect(numbers).toEqual([["G6", 10], ...form.indicators.map((ind, i) => [`G${15 + i}`, Number(ind.weight)])]);
  });

  it("reads the old form wherever it sits and however it is typed (moved, unmerged, text numbers, noisy labels)", () => {
    const form = SEED_FORMS[3];
    const variant = { origin: { row: 3, col: 2 }, blankColumnsAfter: [3], unmerged: true, textNumbers: true, percentFormat: true, noisyLabels: true };
    const m = modelOf(nextYear(form, variant));
    expect(m.indicators.map((i) => [i.name.text, i.targetText.text, i.weight!.text])).toEqual(
      form.indicators.map((i) => [i.level3, i.target, String(Number(i.weight))]),
    );
    expect(m.funds.every((f) => f.budget.reading.kind === "none")).toBe(true);
    expect(toA1(m.funds[0].budget.cell)).toBe("E6"); // rebuilt in the standard layout
  });

  it("moves the year on, or takes the one asked for, and uses the chosen profile's rounding", () => {
    const grid = specToGrid(seedSheet(SEED_FORMS[0]).spec);
    const asked = nextYearTemplateSpec(grid, mof, { year: 2026, sheetName: "2026" });
    expect(asked.ok && asked.year).toBe(2026);
    expect(asked.ok && asked.spec.name).toBe("2026");
    expect(asked.ok && modelOf(asked.spec).year).toBe(2026);
    expect(asked.ok && asked.spec.cells.find((c) => toA1(c) === "H6")?.formula).toContain("ROUND(ROUND(F6*100/E6,10),2)");
    const same = nextYearTemplateSpec(grid, putuo);
    expect(same.ok && same.spec.name).toBe("表1");
  });

  it("does not change the old form's grid", () => {
    const grid = specToGrid(seedSheet(SEED_FORMS[0]).spec);
    const before = JSON.stringify([...grid.cells]);
    nextYearTemplateSpec(grid, putuo);
    expect(JSON.stringify([...grid.cells])).toBe(before);
  });

  it("a sheet with no form gives a Chinese reason, not a template", () => {
    const made = nextYearTemplateSpec(gridFromArray("说明", [["2023 年度项目支出绩效自评汇总"], ["项目数", 11]]), putuo);
    expect(made).toEqual({ ok: false, message: "工作表“说明”中没有找到自评表或申报表，无法生成模板" });
  });
});
