import { ALL_CODES, analyzeSheet, FindingReport, getProfile, SheetReport, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { FindingCard, findingCards, findingGroups, groupHeading, repeatLabel, REPEAT_MIN } from "../../src/taskpane/findingCards";
import { countBySeverity } from "../../src/engine";
import { inPlaceText } from "../../src/taskpane/inPlace";
import { CODE_TITLE } from "../../src/taskpane/strings";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";

const report1: SheetReport = sheetReport(analyzeSheet(specToGrid(seedSheet(SEED_FORMS[0]).spec), getProfile()!));

const finding = (code: string, severity: FindingReport["severity"], cells: string[], message = `${code} 的说明`, part = "indicators"): FindingReport => ({ code, severity, part, cells, message });
const withFindings = (findings: FindingReport[]): SheetReport => ({ ...report1, findings });
const cardsOf = (items: ReturnType<typeof findingGroups>[number]["items"]) => items.flatMap((i) => (i.kind === "card" ? [i] : i.cards));

describe("finding cards", () => {
  it("one card per indicator: 采购设备正常使用率 has SCORE_RULE_MISMATCH and DEVIATION_MISSING in one card, titled by the indicator", () => {
    const card = findingCards(report1).find((c) => c.findings.some((f) => f.code === "SCORE_RULE_MISMATCH"))!;
    expect(card.findings.map((f) => f.code)).toEqual(["SCORE_RULE_MISMATCH", "DEVIATION_MISSING"]);
    expect(card.title).toBe("指标“采购设备正常使用率”");
    expect(card.cells).toEqual(["H16", "F16", "I16"]);
    expect(card.key).toBe("row:16");
  });

  it("every finding is on exactly one card, and findings about a whole table are not merged into the row their cell is on", () => {
    const cards = findingCards(report1);
    expect(cards.flatMap((c) => c.findings).sort((a, b) => a.code.localeCompare(b.code))).toEqual([...report1.findings].sort((a, b) => a.code.localeCompare(b.code)));
    // A15 is the 产出指标 label, on the row of the first indicator
    const level1 = cards.filter((c) => c.findings.some((f) => f.code === "LEVEL1_WEIGHT_NONSTANDARD"));
    expect(level1.map((c) => [c.key, c.findings.map((f) => f.code)])).toEqual([
      ["cell:A15", ["LEVEL1_WEIGHT_NONSTANDARD"]],
      ["cell:A19", ["LEVEL1_WEIGHT_NONSTANDARD"]],
    ]);
  });

  it("groups 错误, 警告, 提示 in that order, each card sorted by its position on the sheet", () => {
    const r = withFindings([
      finding("LOW_EXECUTION", "info", ["H6"], "执行率偏低", "funds"),
      finding("DEVIATION_MISSING", "warning", ["H21", "I21"]),
      finding("SCORE_RULE_MISMATCH", "warning", ["H16", "F16"]),
      finding("TOTAL_MISMATCH", "error", ["H22"], "总分不符", "total"),
    ]);
    const groups = findingGroups(r);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
    expect(cardsOf(groups[1].items).map((c) => c.cells[0])).toEqual(["H16", "H21"]);
    expect(groups.map((g) => g.places)).toEqual([1, 2, 1]);
  });

  it("a place with an error and a warning has a card in each group; filtering by 警告 shows only the 警告 card (issue 21)", () => {
    const r = withFindings([finding("DEVIATION_MISSING", "warning", ["H16", "I16"]), finding("SCORE_OUT_OF_RANGE", "error", ["H16"])]);
    const groups = findingGroups(r);
    expect(groups.map((g) => [g.severity, g.findings, g.places])).toEqual([
      ["error", 1, 1],
      ["warning", 1, 1],
    ]);
    expect(cardsOf(groups[0].items)[0].key).toBe("row:16");
    expect(cardsOf(groups[1].items)[0].key).toBe("row:16:warning");
    expect(findingGroups(r, "warning").map((g) => g.severity)).toEqual(["warning"]);
    expect(findingGroups(r, "info")).toEqual([]);
  });

  it("the counts filter: only cards with a finding of that severity", () => {
    const filtered = findingGroups(report1, "info");
    expect(filtered.map((g) => g.severity)).toEqual(["info"]);
    expect(cardsOf(filtered[0].items).every((c) => c.findings.some((f) => f.severity === "info"))).toBe(true);
  });

  it(`${REPEAT_MIN} or more cards of one kind over one table fold into one line; fewer stay cards`, () => {
    const missing = (row: number) => finding("VALUE_MISSING", "error", [`F${row}`], `指标“指标${row}”未填写实际完成值，请补填`);
    const target = (row: number) => finding("VALUE_MISSING", "error", [`E${row}`], `指标“指标${row}”未填写年度指标值，请补填`);
    const three = findingGroups(withFindings([15, 16, 17].flatMap((r) => [target(r), missing(r)])));
    expect(three[0].items).toHaveLength(1);
    const fold = three[0].items[0];
    if (fold.kind !== "repeat") throw new Error("not folded");
    expect(fold.cards).toHaveLength(3);
    expect(fold.label).toBe("3 个指标缺年度指标值和实际完成值");
    const two = findingGroups(withFindings([15, 16].map(missing)));
    expect(two[0].items.map((i) => i.kind)).toEqual(["card", "card"]);
    // a card with another finding beside it is not part of the run
    const mixed = findingGroups(withFindings([...[15, 16].map(missing), missing(17), finding("UNIT_MISMATCH", "error", ["F17"])]));
    expect(mixed[0].items.map((i) => i.kind)).toEqual(["card", "card", "card"]);
  });

  it("the fold on a real table: seed form 2 with every 年度指标值 and 实际完成值 blank", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[1]);
    const n = SEED_FORMS[1].indicators.length;
    const blank = withCells(spec, Array.from({ length: n }, (_, i) => [5, 6].map((c) => ({ ...layout.at(layout.firstIndicatorRow + i, c), value: null }))).flat());
    const r = sheetReport(analyzeSheet(specToGrid(blank), getProfile()!));
    const errors = findingGroups(r).find((g) => g.severity === "error")!;
    const fold = errors.items.find((i) => i.kind === "repeat");
    expect(fold?.kind === "repeat" && fold.label).toMatch(/^\d+ 个指标缺年度指标值和实际完成值$/);
  });

  it("labels: other kinds by their short name, places that are no indicator as 处", () => {
    const card = (title: string): FindingCard => ({ kind: "card", key: title, severity: "warning", title, cells: [], where: "", findings: [], position: { row: 1, col: 1 } });
    expect(repeatLabel("SCORE_RULE_MISMATCH", [card("指标“甲”"), card("指标“乙”"), card("指标“丙”")])).toBe("3 个指标：得分与评分规则不符");
    expect(repeatLabel("EXEC_RATE_MISMATCH", [card("资金“年度资金总额”"), card("资金“其他资金”"), card("资金“上年结转资金”")])).toBe("3 处：执行率与计算结果不符");
  });

  it("every finding code has a short Chinese name", () => {
    expect(ALL_CODES.filter((c) => !CODE_TITLE[c])).toEqual([]);
  });
});

/** Every seed form, plain and with its rates, grade and 年度指标值 blank: the reports the invariants are held on. */
const variety: SheetReport[] = SEED_FORMS.flatMap((f) => [
  sheetReport(analyzeSheet(specToGrid(seedSheet(f).spec), getProfile()!)),
  sheetReport(analyzeSheet(specToGrid(seedSheet(f, { blank: { rates: true, grade: true, total: true } }).spec), getProfile()!)),
]);

describe("counts that are true (issue 21)", () => {
  it.each([null, "error", "warning", "info"] as const)("filter %s: each group holds exactly the findings the summary counts for its severity, and nothing else", (filter) => {
    for (const r of variety) {
      const counts = countBySeverity(r.findings);
      const groups = findingGroups(r, filter);
      for (const sev of ["error", "warning", "info"] as const) {
        const g = groups.find((x) => x.severity === sev);
        const shown = filter === null || filter === sev;
        expect(g?.findings ?? 0).toBe(shown ? counts[sev] : 0);
        // every finding on the group's cards is of that severity
        if (g) expect(cardsOf(g.items).flatMap((c) => c.findings).every((f) => f.severity === sev)).toBe(true);
      }
    }
  });

  it("the heading says when cards merge findings", () => {
    expect(groupHeading("警告", { findings: 6, places: 4 })).toBe("警告（6 处，合并为 4 张卡片）");
    expect(groupHeading("提示", { findings: 3, places: 3 })).toBe("提示（3 处）");
  });
});

describe("cards that go somewhere, with titles that differ (issue 21)", () => {
  it("every card has a cell to take the user to, or says where the thing is or should be", () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0]);
    const noGradeSpec = withCells(spec, [1, 3].map((c) => ({ ...layout.at(layout.gradeRow, c), value: null })));
    const noGrade = sheetReport(analyzeSheet(specToGrid(noGradeSpec), getProfile()!));
    expect(noGrade.findings.some((f) => f.code === "FIELD_MISSING" && f.cells.length === 0)).toBe(true);
    for (const r of [...variety, noGrade]) for (const c of findingCards(r)) expect(c.cells.length > 0 || c.where.length > 0).toBe(true);
  });

  it("a 分值合计 without a cell and a missing 评分等级 row say where", () => {
    const sum = withFindings([finding("WEIGHT_SUM_MISMATCH", "error", [], "分值合计应为 100.00，实际为 110.00", "total")]);
    expect(findingCards(sum)[0].where).toMatch(/^工作表“表1”：各指标的“分值”（第 15～21 行）加上资金表的预算执行分数/);
    const grade = withFindings([finding("FIELD_MISSING", "info", [], "自评表缺少“评分等级”行，无法完整校验；请按标准格式补齐", "form")]);
    const card = findingCards(grade)[0];
    expect(card.title).toBe("缺少“评分等级”行");
    expect(card.where).toBe(`工作表“表1”：应在“总分”行（第 ${report1.form!.total.cell!.replace(/^[A-Z]+/, "")} 行）下面加一行“评分等级”`);
  });

  it("titles within a group are distinct: two missing parts, two cells of one kind", () => {
    const r = withFindings([
      finding("FIELD_MISSING", "info", [], "自评表缺少“评分等级”行，无法完整校验", "form"),
      finding("FIELD_MISSING", "info", [], "自评表缺少“年度总体目标”（预期目标、实际完成情况），无法完整校验", "form"),
      finding("VALUE_NOT_NUMBER", "error", ["C30"], "“x”不是数字", "form"),
      finding("VALUE_NOT_NUMBER", "error", ["C31"], "“y”不是数字", "form"),
    ]);
    const titles = findingCards(r).map((c) => `${c.severity}|${c.title}`);
    expect(new Set(titles).size).toBe(titles.length);
    for (const r2 of variety) {
      const t = findingCards(r2).map((c) => `${c.severity}|${c.title}`);
      expect(new Set(t).size).toBe(t.length);
    }
  });

  it("the cells said in place: a long text once, cut, where two cells hold the same", () => {
    const goal = "完成智能单兵设备的采购与部署，提升城市运行管理中心一线巡查人员的现场处置能力和信息上报效率，实现案件闭环管理";
    expect(inPlaceText(["C9", "C10"], { C9: goal, C10: goal })).toBe(`C9、C10 现均为 “${[...goal].slice(0, 40).join("")}…”（共 ${[...goal].length} 字）`);
    expect(inPlaceText(["H16", "I16"], { H16: "18.00" })).toBe("H16 现为 18.00；I16 现为 （空）");
  });
});
