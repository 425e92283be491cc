import { ALL_CODES, analyzeSheet, FindingReport, getProfile, SheetReport, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { FindingCard, findingCards, findingGroups, repeatLabel, REPEAT_MIN } from "../../src/taskpane/findingCards";
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

  it("a card holding an error and a warning is listed under 错误, the error first; filtering by 警告 still shows it", () => {
    const r = withFindings([finding("DEVIATION_MISSING", "warning", ["H16", "I16"]), finding("SCORE_OUT_OF_RANGE", "error", ["H16"])]);
    const groups = findingGroups(r);
    expect(groups.map((g) => g.severity)).toEqual(["error"]);
    const card = cardsOf(groups[0].items)[0];
    expect(card.findings.map((f) => f.code)).toEqual(["SCORE_OUT_OF_RANGE", "DEVIATION_MISSING"]);
    expect(findingGroups(r, "warning").map((g) => g.severity)).toEqual(["error"]);
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
    const card = (title: string): FindingCard => ({ kind: "card", key: title, severity: "warning", title, cells: [], findings: [], position: { row: 1, col: 1 } });
    expect(repeatLabel("SCORE_RULE_MISMATCH", [card("指标“甲”"), card("指标“乙”"), card("指标“丙”")])).toBe("3 个指标：得分与评分规则不符");
    expect(repeatLabel("EXEC_RATE_MISMATCH", [card("资金“年度资金总额”"), card("资金“其他资金”"), card("资金“上年结转资金”")])).toBe("3 处：执行率与计算结果不符");
  });

  it("every finding code has a short Chinese name", () => {
    expect(ALL_CODES.filter((c) => !CODE_TITLE[c])).toEqual([]);
  });
});
