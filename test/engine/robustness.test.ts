import fc from "fast-check";
import { ALL_CODES, analyzeSheet, buildWritePlan, CellValue, createGrid, getProfile, gridFromArray, planConflicts, sheetReport } from "../../src/engine";
import { specToGrid, SpecCell } from "../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const profile = getProfile("putuo-2023")!;

// Locally every run explores new cases; CI replays a fixed seed so that a landing never hangs on a new random
// case (run with FC_RUNS=30000 and no CI to explore widely; FC_SEED replays a reported counterexample).
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20231231 : undefined;
fc.configureGlobal({ numRuns: Number(process.env.FC_RUNS ?? 2000), ...(seed === undefined ? {} : { seed }) });

const LABEL_POOL = [
  "项目名称", "主管部门", "实施单位", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分",
  "年度资金总额：", "其中：当年财政拨款", "上年结转资金", "其他资金", "年度总体目标", "预期目标", "实际完成情况",
  "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "偏差原因分析及改进措施", "总分", "评分等级",
  "产出指标", "数量指标", "满意度指标", "≥95(%)", "≤0(个)", "达成指标", "优", "-", "12,566.54", "93.77%", "≥9O%",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...LABEL_POOL),
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5, max: 200 }),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.boolean(),
);

/** Everything that must hold for any input: no throw, known codes, Chinese messages, cells on the sheet, no formula written. */
function checkInvariants(grid: ReturnType<typeof createGrid>): void {
  const a = analyzeSheet(grid, profile);
  const report = sheetReport(a);
  expect(report.isForm).toBe(a.form !== null);
  for (const f of a.findings) {
    expect(ALL_CODES).toContain(f.code);
    expect(f.message.length).toBeGreaterThan(0);
    for (const c of f.cells) {
      expect(c.row).toBeGreaterThanOrEqual(1);
      expect(c.col).toBeGreaterThanOrEqual(1);
    }
  }
  if (a.form) {
    const plan = buildWritePlan(a.form, grid, a.findings, { overwriteScores: true });
    expect(planConflicts(plan, grid)).toEqual([]);
    for (const w of plan.writes) expect(typeof w.value === "string" || Number.isFinite(w.value)).toBe(true);
  }
}

describe("bad input never throws (property tests)", () => {
  it("random grids of labels, numbers and text, with random merges", () => {
    const arb = fc.record({
      cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 12 }), value: cellValue, formula: fc.option(fc.constant("SUM(A1:A2)"), { nil: undefined }) }), { maxLength: 120 }),
      merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 40 }), left: fc.integer({ min: 1, max: 12 }), h: fc.integer({ min: 0, max: 4 }), w: fc.integer({ min: 0, max: 4 }) }), { maxLength: 10 }),
    });
    fc.assert(
      fc.property(arb, ({ cells, merges }) => {
        const grid = createGrid({
          sheet: "随机",
          cells: cells.map((c) => ({ row: c.row, col: c.col, cell: { value: c.value, formula: c.formula } })),
          merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
        });
        checkInvariants(grid);
      }),
    );
  });

  it("seed forms with random cells replaced, removed or turned into formulas", () => {
    const arb = fc.record({
      form: fc.integer({ min: 0, max: SEED_FORMS.length - 1 }),
      dropMerges: fc.boolean(),
      edits: fc.array(fc.record({ pick: fc.nat(), action: fc.constantFrom("replace", "remove", "formula"), value: cellValue }), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(arb, ({ form, dropMerges, edits }) => {
        const { spec } = seedSheet(SEED_FORMS[form]);
        const cells: (SpecCell | null)[] = [...spec.cells];
        for (const e of edits) {
          const i = e.pick % cells.length;
          const c = cells[i];
          if (!c) continue;
          cells[i] = e.action === "remove" ? null : e.action === "formula" ? { ...c, value: e.value, formula: "1+1" } : { ...c, value: e.value };
        }
        checkInvariants(specToGrid({ ...spec, cells: cells.filter((c): c is SpecCell => c !== null), merges: dropMerges ? [] : spec.merges }));
      }),
    );
  });
});

describe("edge sheets", () => {
  it("an empty sheet is no form", () => {
    const a = analyzeSheet(gridFromArray("空", []), profile);
    expect(a.isForm).toBe(false);
    expect(a.findings.map((f) => f.code)).toEqual(["FORM_NOT_FOUND"]);
  });

  it("a 20,000-row sheet with a form at its top is read, the rows below ignored", () => {
    const { spec } = seedSheet(SEED_FORMS[0]);
    const filler = Array.from({ length: 20000 }, (_, i) => ({ row: 40 + i, col: 1 + (i % 9), value: i % 3 ? i * 1.5 : `备注 ${i}` }));
    const grid = specToGrid({ ...spec, cells: [...spec.cells, ...filler] });
    const a = analyzeSheet(grid, profile);
    expect(grid.rowCount).toBe(20039);
    expect(a.form!.totalScore!.toFixed(2)).toBe("96.37");
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 20,000-row sheet of numbers is no form", () => {
    const values = Array.from({ length: 20000 }, (_, i) => [i, i * 2, `行 ${i}`]);
    expect(analyzeSheet(gridFromArray("大表", values), profile).isForm).toBe(false);
  });
});
