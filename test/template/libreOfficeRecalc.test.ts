/**
 * The template's own formulas, recalculated by a real spreadsheet engine (LibreOffice headless), give the
 * numbers the engine computes. Formula caches are poisoned before conversion, so a file LibreOffice did not
 * recalculate fails these tests. All files go through one soffice call (plus one to show the poisoning bites).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSheet, getProfile, Grid, Profile, sheetReport, toA1 } from "../../src/engine";
import { SheetSpec, specToGrid } from "../../src/engine/sheet/sheetSpec";
import { newTemplateSpec, nextYearTemplateSpec } from "../../src/engine/template";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { runTemplate } from "../../src/cli/templateCommand";
import { EXPECTED, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { Conversion, convertWithLibreOffice, SKIP_LIBREOFFICE, sofficeAvailable } from "./libreOffice";

jest.setTimeout(240_000);

const putuo = getProfile("putuo-2023")!;
const mof = getProfile("mof-2020")!;
const STALE = "未重算";

/** Where to type what: A1 → value, found through the engine's own reading of the template. */
type Inputs = Record<string, number>;

function modelCells(spec: SheetSpec, profile: Profile) {
  const form = analyzeSheet(specToGrid(spec), profile).form!;
  // the funds rows in the order the template prints them: 年度资金总额, then its parts
  const funds = (kind: string) => form.model.funds[["fundsTotal", "fiscal", "carryover", "other"].indexOf(kind)]!;
  return { form, funds, scores: form.model.indicators.map((i) => toA1(i.score!.cell)), weights: form.indicators.map((i) => i.weight!.toNumber()) };
}

function amounts(spec: SheetSpec, profile: Profile, rows: Record<"fundsTotal" | "fiscal" | "carryover" | "other", [number, number, number]>): Inputs {
  const { funds } = modelCells(spec, profile);
  const out: Inputs = {};
  for (const [kind, [initial, budget, executed]] of Object.entries(rows)) {
    const f = funds(kind);
    out[toA1(f.initialBudget!.cell)] = initial;
    out[toA1(f.budget.cell)] = budget;
    out[toA1(f.executed.cell)] = executed;
  }
  return out;
}

/** The spec as an .xlsx with the inputs typed in and every formula's cached result poisoned. */
async function filledBytes(spec: SheetSpec, inputs: Inputs): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = addSheetFromSpec(wb, spec);
  for (const [a1, v] of Object.entries(inputs)) {
    expect(ws.getCell(a1).formula).toBeUndefined(); // never type over a formula
    ws.getCell(a1).value = v;
  }
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.formula) c.value = { formula: c.formula, result: STALE } as ExcelJS.CellFormulaValue;
    }),
  );
  return workbookToBytes(wb);
}

function nextYearOfSeed1(profile: Profile): SheetSpec {
  const made = nextYearTemplateSpec(specToGrid(seedSheet(SEED_FORMS[0]).spec), profile);
  if (!made.ok) throw new Error(made.message);
  return made.spec;
}

/** Form 1's 2023 amounts and 得分 typed back into next year's form. */
function seed1Inputs(spec: SheetSpec, profile: Profile): Inputs {
  const f = SEED_FORMS[0];
  const n = (t: string) => Number(t);
  const row = (i: number): [number, number, number] => [n(f.funds.rows[i].cells[0]), n(f.funds.rows[i].cells[1]), n(f.funds.rows[i].cells[2])];
  const { scores } = modelCells(spec, profile);
  const out = amounts(spec, profile, { fundsTotal: row(0), fiscal: row(1), carryover: row(2), other: row(3) });
  scores.forEach((a1, i) => (out[a1] = n(f.indicators[i].score)));
  return out;
}

/** A blank template with some amounts and every 得分 at a share of its 分值 (or as given). */
function blankInputs(spec: SheetSpec, budget: number, executed: number, score: (weight: number, i: number) => number): Inputs {
  const { scores, weights } = modelCells(spec, putuo);
  const out = amounts(spec, putuo, { fundsTotal: [budget, budget, executed], fiscal: [budget, budget, executed], carryover: [0, 0, 0], other: [0, 0, 0] });
  scores.forEach((a1, i) => (out[a1] = score(weights[i], i)));
  return out;
}

interface Case {
  readonly name: string;
  readonly profile: Profile;
  readonly spec: SheetSpec;
  readonly inputs: Inputs;
  readonly expected: { rate: string | null; budgetScore: string | null; total: string | null; grade: string | null };
}

const seedPutuo = nextYearOfSeed1(putuo);
const seedMof = nextYearOfSeed1(mof);
const blank = newTemplateSpec(putuo, { year: 2024 });
// 数量 19.7 / 质量 14.9 / 时效 9.4, the rest full: 89.00, + 预算得分 1.00 = 90.00 exactly, the 优 boundary
const near90 = [19.7, 14.9, 9.4];
const CASES: Case[] = [
  { name: "seed1-putuo.xlsx", profile: putuo, spec: seedPutuo, inputs: seed1Inputs(seedPutuo, putuo), expected: { rate: "93.77", budgetScore: "9.37", total: "96.37", grade: "优" } },
  { name: "seed1-mof.xlsx", profile: mof, spec: seedMof, inputs: seed1Inputs(seedMof, mof), expected: { rate: "93.78", budgetScore: "9.38", total: "96.38", grade: "优" } },
  { name: "blank-80.xlsx", profile: putuo, spec: blank, inputs: blankInputs(blank, 1000, 1000, (w) => w * 0.8), expected: { rate: "100.00", budgetScore: "10.00", total: "82.00", grade: "良" } },
  // 0.29*100 is 28.999999999999996 in binary floats: the ROUND(…,10) guard keeps it 29.00
  { name: "blank-float.xlsx", profile: putuo, spec: blank, inputs: blankInputs(blank, 1, 0.29, (w) => w * 0.8), expected: { rate: "29.00", budgetScore: "2.90", total: "74.90", grade: "中" } },
  { name: "blank-90.xlsx", profile: putuo, spec: blank, inputs: blankInputs(blank, 100, 10, (w, i) => near90[i] ?? w), expected: { rate: "10.00", budgetScore: "1.00", total: "90.00", grade: "优" } },
  { name: "blank-untouched.xlsx", profile: putuo, spec: blank, inputs: {}, expected: { rate: null, budgetScore: null, total: null, grade: null } },
];

const run = SKIP_LIBREOFFICE ? describe.skip : describe;

run("LibreOffice recalculates the template's formulas", () => {
  let conversion: Conversion;
  let cliFiles: Map<string, Uint8Array>;

  beforeAll(async () => {
    if (!sofficeAvailable()) {
      throw new Error("LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui, or set ZIPING_NO_LIBREOFFICE=1 to skip");
    }
    // the CLI's own outputs: a new form and next year's form from a workbook of two seed forms
    const dir = mkdtempSync(join(tmpdir(), "ziping-template-"));
    const source = new ExcelJS.Workbook();
    addSheetFromSpec(source, seedSheet(SEED_FORMS[0]).spec);
    addSheetFromSpec(source, seedSheet(SEED_FORMS[4]).spec);
    writeFileSync(join(dir, "2023.xlsx"), await workbookToBytes(source));
    const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(t) };
    expect(await runTemplate(["--out", join(dir, "new.xlsx")], quiet)).toBe(0);
    expect(await runTemplate(["--out", join(dir, "next.xlsx"), "--from", join(dir, "2023.xlsx"), "--sheet", "表5", "--profile", "mof-2020"], quiet)).toBe(0);
    cliFiles = new Map(["new.xlsx", "next.xlsx"].map((n) => [`cli-${n}`, new Uint8Array(readFileSync(join(dir, n)))]));

    const files = new Map<string, Uint8Array>(cliFiles);
    for (const c of CASES) files.set(c.name, await filledBytes(c.spec, c.inputs));
    conversion = convertWithLibreOffice(files);
    process.stdout.write(`LibreOffice converted ${files.size} files in ${conversion.ms} ms\n`);
  });

  async function recalculated(name: string): Promise<Grid> {
    const bytes = conversion.outputs.get(name);
    expect(bytes?.length).toBeGreaterThan(0);
    const reading = await readWorkbook(bytes!);
    if (!reading.ok) throw new Error(reading.message);
    return reading.grids[0];
  }

  it.each(CASES.map((c) => [c.name, c] as const))("%s: the formulas give the engine's numbers", async (_n, c) => {
    const grid = await recalculated(c.name);
    const analysis = analyzeSheet(grid, c.profile);
    const report = sheetReport(analysis).form!;
    const [total, fiscal, carryover, other] = report.funds;
    // what the spreadsheet computed
    expect({ rate: total.rate.declared, budgetScore: total.score!.declared, total: report.total!.declared, grade: report.grade!.declared || null }).toEqual(
      c.expected,
    );
    expect(fiscal.rate.declared).toBe(c.expected.rate);
    // 0 ÷ 0 is no rate (issue 18): the formula leaves those two blank
    if (c.expected.rate !== null) expect([carryover.rate.declared, other.rate.declared]).toEqual([null, null]);
    // what the engine computes from the same inputs, and no formula that disagrees
    if (c.expected.rate !== null) {
      expect({ rate: total.rate.computed, budgetScore: total.score!.computed, total: report.total!.computed, grade: report.grade!.computed }).toEqual(c.expected);
    }
    expect(analysis.findings.filter((f) => f.code === "FORMULA_DISAGREES")).toEqual([]);
    expect(analysis.form!.model.totalRow!.weight!.text).toBe("100");
    expect(analysis.findings.filter((f) => f.code === "FIELD_MISSING")).toEqual([]);
  });

  it("seed form 1 round trip matches rules.md §6", async () => {
    const report = sheetReport(analyzeSheet(await recalculated("seed1-putuo.xlsx"), putuo)).form!;
    const e = EXPECTED[1];
    expect([report.funds[0].rate.declared, report.funds[0].score!.declared, report.total!.declared, report.grade!.declared]).toEqual([e.rate, e.budgetScore, e.total, e.grade]);
  });

  it("the CLI's .xlsx files convert without error and are still complete forms", async () => {
    for (const name of cliFiles.keys()) {
      const grid = await recalculated(name);
      const analysis = analyzeSheet(grid, putuo);
      expect({ name, isForm: analysis.isForm, missing: analysis.findings.filter((f) => f.code === "FIELD_MISSING") }).toEqual({ name, isForm: true, missing: [] });
    }
    const next = analyzeSheet(await recalculated("cli-next.xlsx"), mof).form!.model;
    expect(next.projectName?.text).toBe(SEED_FORMS[4].title);
    expect(next.indicators).toHaveLength(SEED_FORMS[4].indicators.length);
    expect(next.funds[0].rate?.formula).toContain("ROUND(ROUND(");
  });

  it("without forced recalculation LibreOffice keeps the poisoned caches, so the checks above would fail", async () => {
    const stale = convertWithLibreOffice(new Map([["stale.xlsx", await filledBytes(seedPutuo, seed1Inputs(seedPutuo, putuo))]]), { recalculate: false });
    const reading = await readWorkbook(stale.outputs.get("stale.xlsx")!);
    if (!reading.ok) throw new Error(reading.message);
    const report = sheetReport(analyzeSheet(reading.grids[0], putuo)).form!;
    expect(report.total!.declared).not.toBe("96.37");
    expect(report.grade!.declared).toBe(STALE);
  });
});
