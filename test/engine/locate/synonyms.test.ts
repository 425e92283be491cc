/**
 * Property: replacing every recognised label of a form by another word for the same field (vocabulary/fields.ts), with
 * small variations (spaces, line breaks, brackets of either width, `(A)`/`(B)`, a trailing colon), changes nothing
 * in the reading: the same numbers, indicators, verdict and finding codes. Seed forms and the shared real forms alike.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../../src/app";
import { Cell, createGrid, getProfile, Grid, SheetReport } from "../../../src/engine";
import { normalizeLabel } from "../../../src/engine/grid/normalizeLabel";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { FUNDS_COLUMNS, FUNDS_ROWS, GOAL_LABELS, GRADE_LABELS, HEADER_FIELDS, INDICATOR_COLUMNS, TOTAL_LABELS } from "../../../src/engine/vocabulary/fields";
import { labelCore } from "../../../src/engine/vocabulary/match";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";
import { REAL_FILES, realFormGrid } from "../../fixtures/realForms";

const profile = getProfile("putuo-2023")!;
const FC_RUNS = Number(process.env.FC_RUNS ?? 3000);
const seed = process.env.CI ? 20261125 : undefined;

/** Each field's words; a label is replaced only by a word every field it belongs to accepts. */
const FIELDS: readonly (readonly string[])[] = [
  ...Object.values(HEADER_FIELDS),
  ...Object.values(FUNDS_COLUMNS),
  // a department's total (`部门整体支出总额`) makes the form a 部门整体 one (rules.md §7.1): no synonym on a project form
  FUNDS_ROWS.fundsTotal.filter((w) => !/整体/.test(w)),
  ...Object.values(GOAL_LABELS),
  ...Object.values(INDICATOR_COLUMNS),
  TOTAL_LABELS,
  GRADE_LABELS,
];

/** Words that take an `(A)`/`(B)` or a unit after them on real forms. */
const AMOUNT_WORDS = new Set<string>([...FUNDS_COLUMNS.budget, ...FUNDS_COLUMNS.executed, ...FUNDS_COLUMNS.initialBudget, ...INDICATOR_COLUMNS.target, ...INDICATOR_COLUMNS.actual]);

interface Replaceable {
  readonly key: number;
  readonly row: number;
  readonly col: number;
  readonly cell: Cell;
  readonly words: readonly string[];
  readonly prefix: string;
}

/** The label cells of a grid whose core is a word of some field, with the words that may stand in for it. */
function replaceables(grid: Grid): Replaceable[] {
  const out: Replaceable[] = [];
  for (const [key, cell] of grid.cells) {
    if (typeof cell.value !== "string" || cell.value.length > 30) continue;
    const { core } = labelCore(cell.value);
    const fields = FIELDS.filter((words) => words.includes(core));
    if (fields.length === 0) continue;
    const words = fields.reduce((acc, w) => acc.filter((x) => w.includes(x)));
    const prefix = normalizeLabel(cell.value).startsWith("其中") ? "其中：" : "";
    out.push({ key, row: Math.floor(key / 16384), col: key % 16384, cell, words, prefix });
  }
  return out;
}

const decorate = (word: string, how: number): string => {
  switch (how % 7) {
    case 0:
      return word;
    case 1:
      return AMOUNT_WORDS.has(word) ? `${word}(${how % 2 ? "A" : "B"})` : word;
    case 2:
      return `${word.slice(0, 1)} ${word.slice(1)}`;
    case 3:
      return `${word.slice(0, 2)}\n${word.slice(2)}`;
    case 4:
      return AMOUNT_WORDS.has(word) ? `${word}（万元）`.replace("（万元）", word.includes("值") ? "（%）" : "（万元）") : `${word}：`;
    case 5:
      return ` ${word} `;
    default:
      return `${word}:`;
  }
};

function withLabels(grid: Grid, picks: readonly { r: Replaceable; word: string }[]): Grid {
  const cells = new Map(grid.cells);
  for (const { r, word } of picks) cells.set(r.key, { ...r.cell, value: `${r.prefix}${word}` });
  return createGrid({
    sheet: grid.sheet,
    cells: [...cells].map(([key, cell]) => ({ row: Math.floor(key / 16384), col: key % 16384, cell })),
    merges: grid.merges,
  });
}

function reading(r: SheetReport) {
  const f = r.form!;
  return {
    funds: f.funds.map((x) => [x.budget, x.executed, x.initialBudget, x.rate.declared, x.rate.computed, x.score?.declared ?? null, x.score?.computed ?? null]),
    indicators: f.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score.declared, i.score.computed]),
    goal: f.layout.goalBlock,
    total: [f.total.declared, f.total.computed, f.total.weight.declared],
    grade: [f.grade.declared, f.grade.computed],
    projectName: f.projectName,
    scoring: f.scoring.kind,
    codes: r.findings.map((x) => `${x.code}:${x.severity}`).sort(),
  };
}

const report = (grid: Grid) => checkWorkbook([grid], profile).sheets[0].report;

describe("a label replaced by another word for the same field reads the same (property)", () => {
  let forms: { name: string; grid: Grid; expected: ReturnType<typeof reading>; labels: Replaceable[] }[];
  beforeAll(async () => {
    const grids = [...SEED_FORMS.map((f) => specToGrid(seedSheet(f).spec)), ...(await Promise.all(REAL_FILES.map(realFormGrid)))];
    forms = grids.map((grid) => ({ name: grid.sheet, grid, expected: reading(report(grid)), labels: replaceables(grid) }));
  });

  it("every form has labels to replace", () => {
    for (const f of forms) expect(f.labels.length).toBeGreaterThanOrEqual(10);
  });

  it(`${FC_RUNS} random relabellings`, () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }), (which, choices) => {
        const form = forms[which % forms.length];
        const picks = choices.map(([l, w, how]) => {
          const r = form.labels[l % form.labels.length];
          return { r, word: decorate(r.words[w % r.words.length], how) };
        });
        const got = reading(report(withLabels(form.grid, picks)));
        expect(got).toEqual(form.expected);
      }),
      { numRuns: FC_RUNS, seed },
    );
  });

  it("the check can fail: a label replaced by a word of another field changes the reading", () => {
    const form = forms[0];
    const budget = form.labels.find((l) => l.words.includes("全年预算数"))!;
    const moved = withLabels(form.grid, [{ r: budget, word: "全年执行数" }]);
    expect(reading(report(moved))).not.toEqual(form.expected);
  });
});
