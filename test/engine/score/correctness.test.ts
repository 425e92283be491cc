/**
 * Issue 18's wrong answers, each fixed: a 得分 out of range gives no 总分 verdict and nothing of it written; 0 ÷ 0 is
 * no 执行率 (an info, nothing written); a written rate takes its column's form; a fraction printed with fewer places
 * than the rate is compared at its own value (0.958 is 95.80 %, not 95.86 %); a 评分方案 whose weights do not add up
 * to 100 is refused. Logical layout of the clean form (seed form 1 made correct): funds rows 6–9 (E 全年预算 F 全年执行
 * H 执行率 I 得分), indicators rows 15–21 (G 分值 H 得分), 总分 row 22 (H), 等级 C23.
 */
import { checkWorkbook } from "../../../src/app";
import { getProfile, Grid, resolveProfile, toA1 } from "../../../src/engine";
import { specToGrid } from "../../../src/engine/sheet/sheetSpec";
import { CellChange, changedForm } from "../../fixtures/cleanForm";

const profile = getProfile("putuo-2023")!;
const clean = (changes: CellChange[] = []): Grid => specToGrid(changedForm(changes));
const sheetOf = (changes: CellChange[]) => checkWorkbook([clean(changes)], profile).sheets[0];
const writes = (changes: CellChange[]) => sheetOf(changes).plan!.writes.map((w) => [toA1(w.cell), w.kind, w.value]);

describe("SCORE_OUT_OF_RANGE: the scores do not add up to a 总分", () => {
  // 采购设备正常使用率 (row 16) has 分值 10 in the clean form; its 得分 typed 11
  const changes: CellChange[] = [{ row: 16, col: 8, value: 11 }];

  it("is found, and the form gets no verdict: 得分合计 shown, no 评分等级", () => {
    const s = sheetOf(changes);
    expect(s.report.findings.filter((f) => f.code === "SCORE_OUT_OF_RANGE").map((f) => f.cells)).toEqual([["H16"]]);
    expect(s.report.form!.scoring.kind).toBe("noVerdict");
    expect(s.report.form!.scoring.reason).toContain("得分超出分值范围");
    expect(s.report.form!.grade.computed).toBeNull();
  });

  it("writes neither 总分 nor 评分等级 over what the accountant typed, even when they are blank", () => {
    expect(writes(changes)).toEqual([]);
    expect(writes([...changes, { row: 22, col: 8, value: null }, { row: 23, col: 3, value: null }])).toEqual([]);
  });
});

describe("0 ÷ 0 is no 执行率", () => {
  it("a part with no money and a blank 执行率 gets nothing written, and an info says why", () => {
    const s = sheetOf([{ row: 8, col: 8, value: null }]);
    expect(s.plan!.writes).toEqual([]);
    expect(s.report.form!.funds[2].rate.computed).toBeNull();
    expect(s.report.findings.map((f) => [f.code, f.severity, f.cells[0]])).toEqual([["EXEC_RATE_UNDEFINED", "info", "H8"]]);
  });

  it("a part that prints its own 0.00 for 0 ÷ 0 is left as it is, with no finding (the seed forms print so)", () => {
    const s = sheetOf([]);
    expect(s.report.findings).toEqual([]);
    expect(s.report.form!.funds[2].rate).toMatchObject({ declared: "0.00", computed: null });
  });

  it("a 年度资金总额 of 0 ÷ 0 gives no 预算执行得分 and no 总分 verdict", () => {
    const zero = [6, 7].flatMap((row) => [4, 5, 6].map((col) => ({ row, col, value: 0 })));
    const s = sheetOf([...zero, { row: 6, col: 8, value: null }, { row: 7, col: 8, value: null }, { row: 6, col: 9, value: null }]);
    expect(s.plan!.writes.filter((w) => w.kind === "rate" || w.kind === "budgetScore" || w.kind === "totalScore")).toEqual([]);
    expect(s.report.form!.funds[0].rate.computed).toBeNull();
    expect(s.report.form!.budgetScore.computed).toBeNull();
    expect(s.report.form!.scoring.kind).toBe("noVerdict");
    expect(s.report.findings.filter((f) => f.code === "EXEC_RATE_UNDEFINED").map((f) => f.cells[0])).toEqual(["H6", "H7"]);
  });
});

describe("a written 执行率 takes the form of its column", () => {
  it("text with % where the column prints `93.77%`", () => {
    expect(writes([{ row: 6, col: 8, value: "93.77%" }, { row: 7, col: 8, value: null }])).toEqual([["H7", "rate", "93.77%"]]);
  });
  it("a fraction under the column's % format where it prints 0.9377 as 93.77%", () => {
    const s = sheetOf([{ row: 6, col: 8, value: 0.9377, numberFormat: "0.00%" }, { row: 7, col: 8, value: null }]);
    expect(s.plan!.writes.map((w) => [toA1(w.cell), w.value, w.numberFormat])).toEqual([["H7", 0.9377, "0.00%"]]);
  });
  it("a number where it prints numbers", () => {
    expect(writes([{ row: 7, col: 8, value: null }])).toEqual([["H7", "rate", 93.77]]);
  });
});

describe("a rate printed as a fraction is compared at its own value", () => {
  // 95.86 % executed: 95.86 of a 100.00 budget (the parts follow the total)
  const amounts: CellChange[] = [6, 7].flatMap((row) => [
    { row, col: 4, value: 100 },
    { row, col: 5, value: 100 },
    { row, col: 6, value: 95.86 },
  ]);
  const fractions = (printed: number): CellChange[] => [...amounts, { row: 6, col: 8, value: printed }, { row: 7, col: 8, value: 0.9586 }, { row: 6, col: 9, value: 9.58 }, { row: 22, col: 8, value: 99.58 }, { row: 18, col: 6, value: "95.86(%)" }];

  it("0.9586 is the rate: no finding", () => {
    expect(sheetOf(fractions(0.9586)).report.findings).toEqual([]);
  });
  it("0.958 is 95.80 %, not 95.86 %: a warning naming both, and the exact fraction written", () => {
    const s = sheetOf(fractions(0.958));
    expect(s.report.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ["EXEC_RATE_MISMATCH", "warning", "“年度资金总额”执行率填写为 0.958（即 95.80%），按两位小数应为 95.86%（0.9586）；填写值的小数位不够，请按全年执行数 95.86 ÷ 全年预算数 100.00 填写"],
    ]);
    expect(s.plan!.writes.map((w) => [toA1(w.cell), w.value])).toEqual([["H6", 0.9586]]);
  });
  it("0.94 is no rate of 95.86 % at any precision it could mean: an error", () => {
    expect(sheetOf(fractions(0.94)).report.findings.map((f) => [f.code, f.severity])).toEqual([["EXEC_RATE_MISMATCH", "error"]]);
  });
});

describe("a 评分方案 whose weights do not add up to 100", () => {
  it("is refused, naming the weights", () => {
    const r = resolveProfile({ kind: "json", text: '{"level1Weights":{"output":"60"}}', origin: "p.json" });
    expect(r).toMatchObject({ ok: false, key: "level1Weights" });
    expect(!r.ok && r.message).toBe("p.json：评分方案的分值合计为 110（预算执行 10 + 产出指标 60 + 效益指标 30 + 满意度指标 10），应为 100；请调整各项权重");
  });
  it("is accepted when another weight makes room: 产出 60 and 效益 20", () => {
    expect(resolveProfile({ kind: "json", text: '{"level1Weights":{"output":"60","benefit":"20"}}' }).ok).toBe(true);
  });
});
