import { analyzeSheet, getProfile, gridFromArray, sheetReport, toA1 } from "../../../src/engine";

const profile = getProfile("putuo-2023")!;

/**
 * A form with the other variants of rules.md §1.5 at once: 元 amounts with thousands separators and no 年初预算数,
 * `分值` / `执行率(B/A)` / `其中：本年财政拨款` / `全年实际值` / `未完成原因…` / `自评等级`, rates as `95.00%` text,
 * 分值 before a split 年度指标值 (指标性质 | 指标值 | 度量单位), weights in the 一级 labels, a repeated 一级 label,
 * placeholder rows, and the goal texts beside their headings.
 */
const FORM = [
  ["项目支出绩效自评表"],
  ["(2023年度)"],
  ["项目名称", "", "示例项目"],
  ["主管部门", "某局", "", "实施单位", "某中心"],
  ["项目资金(元)", "", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
  ["", "年度资金总额", "1,000,000.00", "950,000.00", 10, "95.00%", 9.5],
  ["", "其中：本年财政拨款", "1,000,000.00", "950,000.00", "-", "95.00%", "-"],
  ["", "上年结转资金", "/", "/", "-", "/", "-"],
  ["", "其他资金", 0, 0, "-", 0, "-"],
  ["年度总体目标", "预期目标", "完成设备采购并投入使用", "实际完成情况", "设备已采购并投入使用"],
  ["一级指标", "二级指标", "三级指标", "分值", "指标性质", "指标值", "度量单位", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
  ["产出指标(50分)", "数量指标", "设备数量", 30, "≥", 10, "台", 10, 30, ""],
  ["产出指标(50分)", "质量指标", "验收合格率", 20, "=", 100, "%", 100, 20, ""],
  ["", "数量指标", "指标2:", "", "", "", "", "", "", ""],
  ["效益指标(30分)", "社会效益指标", "服务质量", 30, "", "提升", "", "达成指标", 27, "有少量投诉，已整改"],
  ["", "生态效益指标", "……", "", "", "", "", "", "", ""],
  ["满意度指标(10分)", "服务对象满意度指标", "满意度", 10, "≥", 90, "%", 95, 10, ""],
  ["总分", "", "", 100, "", "", "", "", 96.5],
  ["自评等级", "优"],
];

describe("the other label and number variants (rules.md §1.5)", () => {
  const a = analyzeSheet(gridFromArray("变体", FORM, { origin: { row: 3, col: 2 } }), profile);
  const r = sheetReport(a);

  it("reads the form completely, with no finding", () => {
    expect(r.findings.map((f) => `${f.code} ${f.cells.join(",")}`)).toEqual([]);
    expect(r.form!.projectName).toBe("示例项目");
    expect(r.form!.year).toBe(2023);
  });

  it("reads 元 amounts, rates as % text and the 分值 column", () => {
    expect(a.form!.model.amountUnit).toBe("元");
    expect(r.form!.funds.map((f) => f.label)).toEqual(["年度资金总额", "其中：本年财政拨款", "上年结转资金", "其他资金"]);
    expect(r.form!.funds[0]).toMatchObject({ initialBudget: null, budget: "1000000.00", executed: "950000.00", weight: "10.00", rate: { declared: "95.00", computed: "95.00", cell: "G8" } });
    expect(r.form!.budgetScore).toMatchObject({ declared: "9.50", computed: "9.50", cell: "H8" });
  });

  it("joins a split 年度指标值, skips placeholder rows, reads weights in 一级 labels", () => {
    expect(r.form!.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score.declared])).toEqual([
      ["产出指标(50分)", "数量指标", "设备数量", "≥10(台)", "10", "30.00", "30.00"],
      ["产出指标(50分)", "质量指标", "验收合格率", "=100(%)", "100", "20.00", "20.00"],
      ["效益指标(30分)", "社会效益指标", "服务质量", "提升", "达成指标", "30.00", "27.00"],
      ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90(%)", "95", "10.00", "10.00"],
    ]);
    expect(a.form!.model.level1Headings.map((h) => [h.kind, h.weight.toString(), toA1(h.label.cell)])).toEqual([
      ["output", "50", "B14"],
      ["benefit", "30", "B17"],
      ["satisfaction", "10", "B19"],
    ]);
  });

  it("reads 总分, its 分值 and 自评等级", () => {
    expect(r.form!.total).toMatchObject({ declared: "96.50", computed: "96.50", cell: "J20", weight: { declared: "100.00", computed: "100.00", cell: "E20" } });
    expect(r.form!.grade).toEqual({ declared: "优", computed: "优", cell: "C21" });
  });

  it("reads the goal texts beside their headings", () => {
    expect(a.form!.model.goal.expected?.text).toBe("完成设备采购并投入使用");
    expect(a.form!.model.goal.actual?.text).toBe("设备已采购并投入使用");
  });

  it("a heading weight that does not add up is LEVEL1_HEADING_MISMATCH at the label", () => {
    const changed = FORM.map((row, i) => (i === 11 ? ["产出指标(60分)", ...row.slice(1)] : row));
    const f = analyzeSheet(gridFromArray("变体", changed), profile).findings;
    expect(f.map((x) => [x.code, toA1(x.cells[0])])).toEqual([["LEVEL1_HEADING_MISMATCH", "A12"]]);
  });
});
