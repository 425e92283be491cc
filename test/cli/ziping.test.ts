import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/ziping";
import { parseA1 } from "../../src/engine";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { allSeedFormsBytes, tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";
import { changedForm, CLEAN_FORM } from "../fixtures/cleanForm";
import { gridSpec, tableGrid } from "../fixtures/tableGrid";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("ziping check", () => {
  let dir: string;
  let all: string;
  beforeAll(async () => {
    dir = tempDir();
    all = tempFile("forms.xlsx", await allSeedFormsBytes(), dir);
  });

  it("--json: the schemaVersion 1 report of cli.md, exit 0 when no finding is an error", async () => {
    const { code, out } = await run("check", "--json", all);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ schemaVersion: 1, profile: "putuo-2023" });
    expect(report.summary).toMatchObject({ files: 1, forms: 11, errors: 0 });
    const file = report.files[0];
    expect(file).toMatchObject({ file: all, error: null });
    expect(file.sheets[0]).toMatchObject({ sheet: "说明", isForm: false, form: null, findings: [{ code: "FORM_NOT_FOUND", severity: "info" }] });
    const form1 = file.sheets[1];
    expect(form1.form.funds[0]).toMatchObject({
      label: "年度资金总额", initialBudget: "97.68", budget: "97.68", executed: "91.60", weight: "10.00",
      rate: { declared: "93.77", computed: "93.77", cell: "H6" }, score: { declared: "9.37", computed: "9.37", cell: "I6" },
    });
    expect(form1.form.indicators[0]).toMatchObject({
      level1: "产出指标", level2: "数量指标", name: "采购设备数量", target: "=103.00(台)", actual: "103.00(台)", kind: "quantitative",
      weight: "40.00", score: { declared: "40.00", computed: "40.00", cell: "H15" }, deviation: "",
    });
    expect(form1.form.total).toMatchObject({ declared: "96.37", computed: "96.37", cell: "H22" });
    expect(form1.form.grade).toEqual({ declared: "优", computed: "优", cell: "C23" });
    expect(form1.form.calculations).toEqual({ rate: "91.60 ÷ 97.68 × 100% = 93.77%", budgetScore: "10.00 × 91.60 ÷ 97.68 = 9.37", total: "预算执行得分 9.37 + 指标得分 87.00 = 96.37" });
    expect(form1.findings).toContainEqual(expect.objectContaining({ code: "DEVIATION_MISSING", severity: "warning", cells: ["H16", "I16"] }));
    const counted = report.files[0].sheets.flatMap((s: { findings: { severity: string }[] }) => s.findings);
    expect(report.summary.warnings).toBe(counted.filter((f: { severity: string }) => f.severity === "warning").length);
    expect(report.summary.infos).toBe(counted.filter((f: { severity: string }) => f.severity === "info").length);
  });

  it("--json --schema 2: the forms without the first one repeated; every form and finding as in schemaVersion 1", async () => {
    const v1 = JSON.parse((await run("check", "--json", all)).out);
    const r = await run("check", "--json", "--schema", "2", all);
    expect(r.code).toBe(0);
    const v2 = JSON.parse(r.out);
    expect(v2.schemaVersion).toBe(2);
    expect(v2.summary).toEqual(v1.summary);
    const sheets = v2.files[0].sheets;
    expect(sheets.map((s: object) => Object.keys(s))).toEqual(sheets.map(() => ["sheet", "isForm", "forms", "findings"]));
    // a sheet without a form keeps its FORM_NOT_FOUND; a sheet of forms has none of its own
    expect(sheets[0]).toEqual({ sheet: "说明", isForm: false, forms: [], findings: v1.files[0].sheets[0].findings });
    expect(sheets.slice(1).every((s: { findings: unknown[] }) => s.findings.length === 0)).toBe(true);
    expect(sheets.map((s: { forms: unknown }) => s.forms)).toEqual(v1.files[0].sheets.map((s: { forms: unknown }) => s.forms));
    expect(r.out.length).toBeLessThan(0.6 * JSON.stringify(v1, null, 2).length);
  });

  it("--json with and without --summary: the same report (forms packed as JSON, or kept as objects for the 汇总)", async () => {
    const summaryDir = tempDir();
    // the first form again in another file, its 总分 changed: PROJECT_DUPLICATED across the files
    const other = tempFile("another.xlsx", await workbookBytes([changedForm([{ row: 22, col: 8, value: 98 }])]), summaryDir);
    const packed = await run("check", "--json", all, other);
    const objects = await run("check", "--json", "--summary", join(summaryDir, "汇总.xlsx"), all, other);
    const report = JSON.parse(objects.out);
    expect(report.summaryFile).toBe(join(summaryDir, "汇总.xlsx"));
    delete report.summaryFile;
    expect(JSON.stringify(report, null, 2) + "\n").toBe(packed.out);
    expect(packed.out).toContain("PROJECT_DUPLICATED");
  });

  it("the readable report is Chinese and names cells", async () => {
    const { code, out } = await run("check", "--sheet", "表1", all);
    expect(code).toBe(0);
    expect(out).toContain("购买新智能单兵设备");
    expect(out).toContain("总分 96.37");
    expect(out).toContain("[警告] H16、F16");
    expect(out).toMatch(/共 1 个文件，1 张自评表/);
  });

  it("exit 1 when a form has an error; --profile mof-2020 turns a truncation into the other rounding", async () => {
    const bad = tempFile("bad.xlsx", await workbookBytes([changedForm([{ row: 22, col: 8, value: 98 }])]), dir);
    const r = await run("check", "--json", bad);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].sheets[0].findings).toContainEqual(expect.objectContaining({ code: "TOTAL_MISMATCH", severity: "error", cells: ["H22"] }));
    const mof = await run("check", "--json", "--profile", "mof-2020", "--sheet", "表1", all);
    const codes = JSON.parse(mof.out).files[0].sheets[0].findings.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`);
    expect(codes).toContain("BUDGET_SCORE_MISMATCH:warning"); // 9.37 printed, 9.38 under half-up
    expect(codes).toContain("TOTAL_MISMATCH:warning");
    expect(mof.code).toBe(0);
  });

  it("a missing and a corrupt file are FILE_UNREADABLE (exit 2) and the other files are still checked", async () => {
    const corrupt = join(dir, "corrupt.xlsx");
    writeFileSync(corrupt, (await allSeedFormsBytes()).slice(0, 3000));
    const { code, out } = await run("check", "--json", join(dir, "nope.xlsx"), corrupt, all);
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.files.map((f: { error: { code: string } | null }) => f.error?.code ?? null)).toEqual(["FILE_UNREADABLE", "FILE_UNREADABLE", null]);
    expect(report.files[0].error.message).toBe("文件不存在");
    expect(report.files[0].sheets).toEqual([]);
    expect(report.summary).toMatchObject({ files: 3, forms: 11 });
  });

  it.each([
    [["check"], "请指定"],
    [["check", "--profile", "x", "a.xlsx"], "未知的评分方案"],
    [["frobnicate"], "未知的命令"],
    [["check", "--bogus", "a.xlsx"], "未知的选项 --bogus"],
    [["check", "--schema", "2", "a.xlsx"], "--schema 只用于 --json"],
    [["check", "--json", "--schema", "3", "a.xlsx"], "--schema 只能是 1 或 2"],
  ])("usage error %j → exit 2", async (argv, text) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(text);
    expect(r.err).toContain("用法");
  });
});

describe("ziping fix", () => {
  it("writes a scored copy and never over its input", async () => {
    const dir = tempDir();
    const { spec } = seedSheet(SEED_FORMS[0], { blank: { rates: true, total: true, grade: true } });
    const input = tempFile("in.xlsx", await workbookBytes([spec]), dir);
    const before = readFileSync(input);
    expect((await run("fix", input, "--out", input)).code).toBe(2);
    const out = join(dir, "out.xlsx");
    const r = await run("fix", input, "--out", out);
    // 执行率 of the two funded rows, 总分, 评分等级; the two rows of 0 ÷ 0 get no rate (EXEC_RATE_UNDEFINED)
    expect(r.out).toContain("写入 4 个计算结果");
    expect(r.out).toContain("“上年结转资金”的全年预算数和全年执行数都是 0，执行率无法计算（0 ÷ 0），不填写执行率");
    expect(readFileSync(input).equals(before)).toBe(true);
    const reread = await readWorkbook(new Uint8Array(readFileSync(out)));
    if (!reread.ok) throw new Error(reread.message);
    const g = reread.grids[0];
    expect(g.cells.get(22 * 16384 + 8)?.value).toBe(96.37);
    expect(g.cells.get(23 * 16384 + 3)?.value).toBe("优");
  });
});

describe("a 自评表 checked against its 申报表 (rules.md §7.4)", () => {
  // the clean form (seed form 1 made correct), declared with 采购设备正常使用率 ≥99.50% and one more indicator
  const declaration = () =>
    gridSpec(
      tableGrid(
        [
          [{ v: "项目支出绩效目标申报表", cs: 5 }],
          ["项目名称", { v: CLEAN_FORM.title, cs: 4 }],
          [{ v: "资金情况（万元）", rs: 1 }, "年度资金总额：", { v: "97.68", cs: 3 }],
          [{ v: "绩效指标", rs: 2 + CLEAN_FORM.indicators.length }, "一级指标", "二级指标", "三级指标", "指标值"],
          ...CLEAN_FORM.indicators.map((i) => [i.level1, i.level2, i.level3, i.level3 === "采购设备正常使用率" ? "≥99.50(%)" : i.target]),
          ["产出指标", "时效指标", "设备到货及时率", "100%"],
        ],
        { sheet: "申报表" },
      ),
    );

  it("check --declaration names the lowered target and the dropped indicator, and reports the 申报表 as what it is", async () => {
    const dir = tempDir();
    const decl = tempFile("申报表.xlsx", await workbookBytes([declaration()]), dir);
    const self = tempFile("自评表.xlsx", await workbookBytes([changedForm([], { sheetName: "自评表" })]), dir);
    const r = await run("check", "--json", "--declaration", decl, self);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.files.map((f: { sheets: { form: { formKind: string } }[] }) => f.sheets[0].form.formKind)).toEqual(["declaration", "selfEvaluation"]);
    const findings = report.files[1].sheets[0].findings.map((f: { code: string; cells: string[] }) => [f.code, f.cells[0]]);
    expect(findings).toEqual([
      ["TARGET_CHANGED_FROM_DECLARATION", "E16"],
      ["INDICATOR_DROPPED", "A15"],
    ]);
  });

  it("fix --declaration marks them in the scored copy and lists them in its 校验结果", async () => {
    const dir = tempDir();
    const decl = tempFile("申报表.xlsx", await workbookBytes([declaration()]), dir);
    const self = tempFile("自评表.xlsx", await workbookBytes([changedForm([], { sheetName: "自评表" })]), dir);
    const r = await run("fix", self, "--out", join(dir, "out.xlsx"), "--declaration", decl);
    expect(r.code).toBe(0);
    expect(r.out).toContain("TARGET_CHANGED_FROM_DECLARATION");
    expect(r.out).toContain("文件“");
  });

  it("--declaration of a file that holds no 申报表 is a usage error", async () => {
    const dir = tempDir();
    const self = tempFile("自评表.xlsx", await workbookBytes([changedForm([], { sheetName: "自评表" })]), dir);
    const r = await run("fix", self, "--out", join(dir, "out.xlsx"), "--declaration", self);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有找到绩效目标申报表");
  });
});

describe("ziping fix on a form whose weights do not add up (rules.md §5)", () => {
  it("分值 adding up to 110: no 总分 and no 评分等级 written, the 分值 total left as typed, the sum said", async () => {
    const dir = tempDir();
    // 采购设备数量 40 → 50: 10 + 50 + 20 + 5 + 5 + 5 + 5 + 10 = 110; 总分 and 评分等级 blank, to see that nothing fills them
    const spec = changedForm([{ row: 15, col: 7, value: 50 }, { row: 15, col: 8, value: 50 }, { row: 22, col: 8, value: null }, { row: 23, col: 3, value: null }], {}, SEED_FORMS[0]);
    const input = tempFile("110.xlsx", await workbookBytes([spec]), dir);
    const fixed = await run("fix", input, "--out", join(dir, "out2.xlsx"));
    expect(fixed.code).toBe(1);
    const reread = await readWorkbook(new Uint8Array(readFileSync(join(dir, "out2.xlsx"))));
    if (!reread.ok) throw new Error(reread.message);
    const g = reread.grids.find((x) => x.sheet === spec.name)!;
    const at = (a1: string) => g.cells.get(parseA1(a1).row * 16384 + parseA1(a1).col)?.value ?? null;
    expect([at("G22"), at("H22"), at("C23")]).toEqual([100, null, null]);
    const checked = JSON.parse((await run("check", "--json", join(dir, "out2.xlsx"))).out).files[0].sheets[0];
    expect(checked.form.total).toMatchObject({ declared: null, computed: "106.37", weight: { declared: "100.00", computed: "110.00" } });
    expect(checked.form.grade.computed).toBeNull();
    expect(checked.form.scoring.kind).toBe("noVerdict");
    expect(checked.findings.filter((f: { code: string }) => f.code === "WEIGHT_SUM_MISMATCH").map((f: { severity: string; cells: string[] }) => [f.severity, f.cells])).toEqual([["error", ["G22"]]]);
  });
});

describe("ziping fix on its own output", () => {
  /** The conditional-format rules of each sheet of an .xlsx, as exceljs reads them. */
  async function ruleCounts(path: string): Promise<Record<string, number>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path).buffer as ArrayBuffer);
    return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length]));
  }

  it("leaves exactly one set of highlights (scoring a scored copy again replaces the rules, never adds)", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", await allSeedFormsBytes(), dir);
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice.xlsx");
    expect((await run("fix", input, "--out", once)).code).toBe(0);
    expect((await run("fix", once, "--out", twice)).code).toBe(0);
    const [first, second] = [await ruleCounts(once), await ruleCounts(twice)];
    expect(first["表1"]).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });
});

describe("--profile is resolved the same way by check, fix and template", () => {
  let dir: string;
  let form: string;
  beforeAll(async () => {
    dir = tempDir();
    form = tempFile("f.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), dir);
  });
  const profileFile = (name: string, doc: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof doc === "string" ? doc : JSON.stringify(doc));
    return path;
  };

  it("a partial document ({level1Weights:{output:60,benefit:20}}) is merged onto its base: check scores with it (no exception)", async () => {
    const partial = profileFile("partial.json", { level1Weights: { output: "60", benefit: "20" } });
    const r = await run("check", "--json", "--profile", partial, form);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.profile).toBe("putuo-2023+custom");
    const nonstandard = report.files[0].sheets[0].findings.filter((f: { code: string }) => f.code === "LEVEL1_WEIGHT_NONSTANDARD");
    expect(nonstandard.map((f: { message: string }) => f.message)).toContain("产出指标分值合计为 70.00，参考权重为 60.00 分");
  });

  it("a document whose weights add up to 110 is refused with exit 2, naming the weights (issue 18)", async () => {
    const bad = profileFile("110.json", { level1Weights: { output: "60" } });
    const r = await run("check", "--json", "--profile", bad, form);
    expect(r.code).toBe(2);
    expect(r.err).toContain("评分方案的分值合计为 110（预算执行 10 + 产出指标 60 + 效益指标 30 + 满意度指标 10），应为 100");
  });

  it("template --profile my.json writes the form with its settings", async () => {
    const custom = profileFile("my.json", { base: "mof-2020", level1Weights: { output: "60", benefit: "20" } });
    const out = join(dir, "new.xlsx");
    const r = await run("template", "--out", out, "--profile", custom);
    expect(r.code).toBe(0);
    expect(r.out).toContain("评分方案");
    const reread = await readWorkbook(new Uint8Array(readFileSync(out)));
    if (!reread.ok) throw new Error(reread.message);
    const formulas = [...reread.grids[0].cells.values()].map((c) => c.formula ?? "").join(" ");
    expect(formulas).toContain("ROUND(ROUND("); // mof-2020's half-up rounding, not ROUNDDOWN
    expect(formulas).not.toContain("ROUNDDOWN");
  });

  it.each([
    ["check", (p: string) => ["check", "--profile", p, "x.xlsx"]],
    ["fix", (p: string) => ["fix", "x.xlsx", "--out", join(tempDir(), "o.xlsx"), "--profile", p]],
    ["template", (p: string) => ["template", "--out", join(tempDir(), "t.xlsx"), "--profile", p]],
  ])("%s refuses a wrong profile file with exit 2 and a Chinese message naming the key", async (_n, argv) => {
    const wrong = profileFile("wrong.json", { level1Weights: { output: "六十" } });
    const r = await run(...argv(wrong));
    expect(r.code).toBe(2);
    expect(r.err).toContain("“level1Weights.output”的取值 \"六十\" 无效");
    const unknown = await run(...argv("putuo-2024"));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("未知的评分方案“putuo-2024”");
  });
});

describe("the built command", () => {
  const bin = join(__dirname, "..", "..", "bin", "ziping.js");
  it("npx ziping check runs the compiled code on the shipped sample (npm test builds first)", () => {
    expect(existsSync(join(__dirname, "..", "..", "dist", "node", "cli", "ziping.js"))).toBe(true); // run `npm run build`
    const out = execFileSync(process.execPath, [bin, "check", "--json", join(__dirname, "..", "..", "samples", "seed-forms-2023.xlsx")]).toString();
    expect(JSON.parse(out).summary).toMatchObject({ files: 1, forms: 11, errors: 0 });
  });
});

describe("--profile FILE.json: the user's own settings", () => {
  it("changes any setting of a built-in profile", async () => {
    const dir = tempDir();
    const form = tempFile("f.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), dir);
    const custom = join(dir, "方案.json");
    writeFileSync(custom, JSON.stringify({ base: "putuo-2023", lowExecutionRate: "95", gradeBands: [{ grade: "优", min: "97" }, { grade: "良", min: "80" }, { grade: "中", min: "60" }] }));
    const r = await run("check", "--json", "--profile", custom, form);
    const report = JSON.parse(r.out);
    expect(report.profile).toBe("putuo-2023+custom");
    const sheet = report.files[0].sheets[0];
    expect(sheet.form.grade).toEqual({ declared: "优", computed: "良", cell: "C23" });
    expect(sheet.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(["LOW_EXECUTION", "GRADE_MISMATCH"]));
    expect(r.code).toBe(1);
  });
  it.each([
    ['{"rounding": "floor"}', "“rounding”的取值"],
    ['{"colour": "red"}', "没有“colour”"],
    ['{"base": "x"}', "未知的基础评分方案"],
    ["not json", "不是有效的 JSON"],
  ])("refuses %s", async (json, reason) => {
    const dir = tempDir();
    const custom = join(dir, "p.json");
    writeFileSync(custom, json);
    const r = await run("check", "--profile", custom, "x.xlsx");
    expect(r.code).toBe(2);
    expect(r.err).toContain(reason);
  });
});

describe("a reviewer's folder of forms", () => {
  it("check FOLDER checks every .xlsx in it, in name order, skipping Excel's lock files", async () => {
    const dir = tempDir();
    tempFile("b.xlsx", await workbookBytes([seedSheet(SEED_FORMS[1]).spec]), dir);
    tempFile("a.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), dir);
    tempFile("~$a.xlsx", new Uint8Array([1, 2, 3]), dir);
    tempFile("notes.txt", new Uint8Array([1, 2, 3]), dir);
    const { code, out } = await run("check", "--json", dir);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual([join(dir, "a.xlsx"), join(dir, "b.xlsx")]);
    expect(report.summary).toMatchObject({ files: 2, forms: 2, errors: 0 });
  });

  it("fix into a folder that does not exist says so and writes nothing", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", await workbookBytes([seedSheet(SEED_FORMS[0]).spec]), dir);
    const r = await run("fix", input, "--out", join(dir, "missing", "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("所在文件夹不存在（未写入任何内容）");
    expect(existsSync(join(dir, "missing"))).toBe(false);
  });
});

describe("the 校验结果 sheet of a scored copy", () => {
  it("lists every finding; scoring the copy again keeps one such sheet; check skips it; --no-findings-sheet leaves it out", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", await allSeedFormsBytes(), dir);
    const once = join(dir, "once.xlsx");
    const twice = join(dir, "twice.xlsx");
    expect((await run("fix", input, "--out", once)).code).toBe(0);
    expect((await run("fix", once, "--out", twice)).code).toBe(0);
    const book = await readWorkbook(new Uint8Array(readFileSync(twice)));
    if (!book.ok) throw new Error(book.message);
    expect(book.grids.map((g) => g.sheet)).toEqual(["说明", ...SEED_FORMS.map((f) => `表${f.id}`), "校验结果"]);
    const list = book.grids[12];
    const rows = new Map<number, string[]>();
    for (const [k, c] of list.cells) {
      const r = Math.floor(k / 16384);
      rows.set(r, [...(rows.get(r) ?? []), String(c.value ?? "")]);
    }
    const checked = JSON.parse((await run("check", "--json", once)).out);
    const findings = checked.files[0].sheets.flatMap((s: { findings: unknown[] }) => s.findings).filter((f: { code: string }) => f.code !== "FORM_NOT_FOUND");
    expect(checked.files[0].sheets.map((s: { sheet: string }) => s.sheet)).not.toContain("校验结果");
    // title, 评分方案, colours and the header; one heading row per form, one row per finding; the sheet that is no form
    expect(rows.size).toBe(4 + 11 + findings.length + 1);
    expect([...rows.values()].some((r) => r.includes("H16、I16") && r.includes("DEVIATION_MISSING"))).toBe(true);
    expect([...rows.values()].some((r) => r.some((c) => c.includes("总分 96.37　评分等级 优　执行率 93.77%")))).toBe(true);

    const bare = join(dir, "bare.xlsx");
    const plain = await run("fix", input, "--out", bare, "--no-findings-sheet");
    const bareBook = await readWorkbook(new Uint8Array(readFileSync(bare)));
    expect(bareBook.ok && bareBook.grids.map((g) => g.sheet)).not.toContain("校验结果");
    expect(plain.err).toBe("");
    // a scored copy scored again without the sheet keeps its old 校验结果, and says so
    const stale = await run("fix", once, "--out", join(dir, "stale.xlsx"), "--no-findings-sheet");
    expect(stale.code).toBe(0);
    expect(stale.err).toBe("注意：副本中保留了此前生成的工作表“校验结果”，其内容不是本次校验的结果；如不需要请手动删除，或不加 --no-findings-sheet 重新生成\n");
  });
});
