/**
 * The checks across forms in near-linear time (issue 23): forms with the same rows taken as one, each form compared only
 * with the row sets holding its rarest rows (or, for a form of common rows, row by row). Their findings must be the
 * pairwise implementation's (crossFormChecks.pairwise.ts, the code as it was), finding for finding, whatever the
 * forms: the properties below compare them on random forms whose rows, projects and figures are drawn from small pools
 * (so that rows are shared, names repeat and copies abound), on random workbooks made of the seed forms, and through
 * the whole check of workbooks of seed sheets.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../../src/app";
import { analyzeSheet, CellRef, crossFormFindings, formFingerprint, FormAmongOthers, FormFingerprint, getProfile } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";
import { withCells } from "../../fixtures/specCells";
import { pairwiseCrossFormFindings } from "./crossFormChecks.pairwise";

// CI replays a fixed seed (FC_SEED replays a reported counterexample; FC_RUNS explores more)
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20230023 : undefined;
const runs = (n: number) => ({ numRuns: Number(process.env.FC_RUNS ?? n), ...(seed === undefined ? {} : { seed }) });

const profile = getProfile("putuo-2023")!;
const cell = (row: number, col: number, sheet = "表"): CellRef => ({ sheet, row, col });

/** A fingerprint from the few things the checks look at; rows as keys, each row's actual in column F of its own row. */
function fp(project: string, rows: readonly string[], { figures = "1.00/1.00/90.00", expected = "", actual = "" } = {}): FormFingerprint {
  return {
    project: project || "未填写项目名称",
    projectKey: project,
    ...(project ? { projectCell: cell(3, 3) } : {}),
    expectedKey: expected,
    actual: actual ? { key: actual, cell: cell(11, 6) } : null,
    figures,
    rows: rows.map((key, r) => ({ key, name: key.split("|")[0], actualCell: cell(15 + r, 6) })),
    // 自评表 all (a 申报表 is held against its 自评表 instead: declarationMatch.test.ts)
    cycle: { kind: "selfEvaluation", code: "", indicators: [], amount: null },
  };
}

const among = (forms: readonly FormFingerprint[]): FormAmongOthers[] => forms.map((form, i) => ({ form, where: `工作表“表${i + 1}”` }));

/** [form, code, first cell, params] of every finding. */
const listed = (found: ReturnType<typeof crossFormFindings>) =>
  found.flatMap((fs, i) => fs.map((f) => [i + 1, f.code, `${f.cells[0]?.row}:${f.cells[0]?.col}`, f.params] as const));

describe("crossFormFindings (indexed)", () => {
  const own = (n: number) => [`指标${n}a|1|1`, `指标${n}b|2|2`, `指标${n}c|3|3`, `指标${n}d|4|4`, `指标${n}e|5|5`];
  const SATISFACTION = "满意度|≥90%|95%";

  it("forms that share only their 满意度 row: nothing", () => {
    const forms = among([1, 2, 3, 4].map((n) => fp(`项目${n}`, [...own(n), SATISFACTION])));
    expect(listed(crossFormFindings(forms))).toEqual([]);
  });

  it("a copy of another project's rows with one edited: each names the other, by the earliest row shared and the count", () => {
    const edited = [...own(1)];
    edited[0] = "指标1a|1|改过";
    const forms = among([fp("项目1", [...own(1), SATISFACTION]), fp("项目2", [...own(2), SATISFACTION]), fp("项目3", [...edited, SATISFACTION])]);
    expect(listed(crossFormFindings(forms))).toEqual([
      [1, "INDICATORS_COPIED_FROM_OTHER_FORM", "16:6", { count: "5", name: "指标1b", where: "工作表“表3”", project: "项目3" }],
      [3, "INDICATORS_COPIED_FROM_OTHER_FORM", "16:6", { count: "5", name: "指标1b", where: "工作表“表1”", project: "项目1" }],
    ]);
  });

  it("copies of one project are not copied from each other; a third project's copy names the first of another project", () => {
    const rows = own(1);
    const forms = among([fp("项目1", rows), fp("项目1", rows), fp("项目2", rows), fp("", rows)]);
    expect(listed(crossFormFindings(forms)).map(([i, , , p]) => [i, p.where])).toEqual([
      [1, "工作表“表3”"],
      [2, "工作表“表3”"],
      [3, "工作表“表1”"],
      [4, "工作表“表1”"],
    ]);
  });

  it("PROJECT_DUPLICATED: each form names the first of its name whose figures differ from its own", () => {
    const forms = among([fp("项目", [], { figures: "a" }), fp("项目", [], { figures: "a" }), fp("项目", [], { figures: "b" }), fp("别的", [], { figures: "c" })]);
    expect(listed(crossFormFindings(forms)).map(([i, code, , p]) => [i, code, p.where, p.mine, p.theirs])).toEqual([
      [1, "PROJECT_DUPLICATED", "工作表“表3”", "a", "b"],
      [2, "PROJECT_DUPLICATED", "工作表“表3”", "a", "b"],
      [3, "PROJECT_DUPLICATED", "工作表“表1”", "b", "a"],
    ]);
  });

  it("20,000 forms sharing their 满意度 row and 1,000 copies of one form: only the copies, each naming the first other copy", () => {
    // the pairwise check took minutes on the first half of this (issue 23); the indexed one visits each form's own rows
    const forms = among([
      ...Array.from({ length: 20000 }, (_x, n) => fp(`项目${n}`, [...own(n), SATISFACTION])),
      ...Array.from({ length: 1000 }, (_x, n) => fp(`复制${n}`, [...own(-1), SATISFACTION])),
    ]);
    const found = crossFormFindings(forms);
    expect(found.slice(0, 20000).every((f) => f.length === 0)).toBe(true);
    expect(found.slice(20000).map((f) => f[0]?.params.where)).toEqual(Array.from({ length: 1000 }, (_x, n) => (n === 0 ? "工作表“表20002”" : "工作表“表20001”")));
  });
});

/** Random forms from small pools, so that rows are shared, names repeat and whole row sets recur. */
const ROW_POOL = ["满意度|≥90%|95%", "完成率|100%|100%", "及时率|100%|98%", "a|1|1", "b|2|2", "c|3|3", "d|4|4", "e|5|5", "f|6|6", ""];
const randomForm: fc.Arbitrary<FormFingerprint> = fc
  .record({
    project: fc.constantFrom("", "甲", "乙", "丙"),
    rows: fc.oneof(fc.array(fc.constantFrom(...ROW_POOL), { maxLength: 9 }), fc.constantFrom(ROW_POOL.slice(0, 6), ROW_POOL.slice(2, 8), ROW_POOL.slice(3, 6))),
    figures: fc.constantFrom("1/1/90", "1/1/80", "2/1/90"),
    expected: fc.constantFrom("", "目标甲", "目标乙"),
    actual: fc.constantFrom("", "目标甲", "目标乙", "完成"),
  })
  .map(({ project, rows, ...rest }) => fp(project, rows, rest));

describe("crossFormFindings equals the pairwise check", () => {
  it("on random forms, whichever way each form's candidates are sought", () => {
    fc.assert(
      fc.property(fc.array(randomForm, { maxLength: 40 }), (forms) => {
        const all = among(forms);
        const expected = pairwiseCrossFormFindings(all);
        expect(crossFormFindings(all)).toEqual(expected);
        // every form by its rarest rows, and every form row by row
        expect(crossFormFindings(all, { rarestScanLimit: Infinity })).toEqual(expected);
        expect(crossFormFindings(all, { rarestScanLimit: -1 })).toEqual(expected);
      }),
      runs(1500),
    );
  });

  // the seed forms' own fingerprints (real rows, goals and figures), varied as a folder varies them
  const seedPrints = SEED_FORMS.map((f) => {
    const a = analyzeSheet(specToGrid(seedSheet(f).spec), profile);
    return formFingerprint(a.forms[0].form);
  });
  const variedSeed: fc.Arbitrary<FormFingerprint> = fc
    .record({
      n: fc.integer({ min: 0, max: SEED_FORMS.length - 1 }),
      project: fc.option(fc.constantFrom("甲项目", "乙项目"), { nil: undefined }),
      figures: fc.option(fc.constantFrom("9.00/9.00/99.00"), { nil: undefined }),
      dropped: fc.array(fc.nat({ max: 12 }), { maxLength: 3 }),
      borrowed: fc.option(fc.integer({ min: 0, max: SEED_FORMS.length - 1 }), { nil: undefined }),
    })
    .map(({ n, project, figures, dropped, borrowed }) => {
      const s = seedPrints[n];
      const rows = [...s.rows.filter((_r, i) => !dropped.includes(i)), ...(borrowed === undefined ? [] : seedPrints[borrowed].rows.slice(0, 2))];
      return { ...s, ...(project ? { project, projectKey: project } : {}), ...(figures ? { figures } : {}), rows };
    });

  it("on random workbooks of the seed forms (renamed, refigured, rows dropped or borrowed)", () => {
    fc.assert(
      fc.property(fc.array(variedSeed, { maxLength: 30 }), (forms) => {
        const all = among(forms);
        expect(crossFormFindings(all)).toEqual(pairwiseCrossFormFindings(all));
        expect(crossFormFindings(all, { rarestScanLimit: -1 })).toEqual(pairwiseCrossFormFindings(all));
      }),
      runs(500),
    );
  });

  it("through the whole check of random workbooks of seed sheets (some renamed): the findings across forms are the pairwise ones", () => {
    const CROSS = new Set(["GOAL_COPIED_FROM_OTHER_FORM", "PROJECT_DUPLICATED", "INDICATORS_COPIED_FROM_OTHER_FORM"]);
    const sheet = fc.record({ n: fc.integer({ min: 0, max: SEED_FORMS.length - 1 }), project: fc.option(fc.constantFrom("甲项目", "乙项目"), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 8 }), (picked) => {
        const grids = picked.map(({ n, project }, i) => {
          const spec = { ...seedSheet(SEED_FORMS[n]).spec, name: `表${i + 1}` };
          return specToGrid(project ? withCells(spec, [{ row: 3, col: 3, value: project }]) : spec);
        });
        const result = checkWorkbook(grids, profile);
        const got = result.sheets.flatMap((s) => s.analysis.forms.map((f) => f.findings.filter((x) => CROSS.has(x.code))));
        const prints = result.sheets.flatMap((s) => s.analysis.forms.map((f) => ({ form: formFingerprint(f.form), where: `工作表“${s.analysis.sheet}”` })));
        expect(got).toEqual(pairwiseCrossFormFindings(prints));
      }),
      runs(40),
    );
  });
});
