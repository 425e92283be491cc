/**
 * rules.md §1.7, each variant on a small correct form written as a printed table (test/fixtures/tableGrid.ts): the
 * reading stays right — the same numbers, no error the form did not earn — and what the variant says is said. Every
 * case here was read wrong before issue 18.
 */
import { checkWorkbook } from "../../../src/app";
import { getProfile, Grid, SheetReport } from "../../../src/engine";
import { TableCell, tableGrid } from "../../fixtures/tableGrid";

const profile = getProfile("putuo-2023")!;
const report = (grid: Grid): SheetReport => checkWorkbook([grid], profile).sheets[0].report;
const codes = (r: SheetReport) => r.findings.map((f) => `${f.code}:${f.severity}`).sort();
type Row = readonly TableCell[];

const TITLE: Row[] = [[{ v: "项目支出绩效自评表", cs: 8 }], ["项目名称", { v: "城区路灯维护", cs: 7 }]];
const FUNDS_HEADER: Row = [{ v: "项目资金（万元）", rs: 5 }, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
const FUNDS: Row[] = [
  ["年度资金总额", "100", "100", "95", "10", "95.00%", "9.50"],
  ["其中：财政拨款", "100", "100", "95", "-", "95.00%", "-"],
  ["上年结转资金", "0", "0", "0", "-", "-", "-"],
  ["其他资金", "0", "0", "0", "-", "-", "-"],
];
const GOAL: Row[] = [
  [{ v: "年度总体目标", rs: 2 }, { v: "预期目标", cs: 3 }, { v: "实际完成情况", cs: 4 }],
  [{ v: "完成全年路灯维护", cs: 3 }, { v: "维护路灯 1,200 盏，亮灯率 98%", cs: 4 }],
];
const HEADER: Row = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const INDICATORS: Row[] = [
  [{ v: "产出指标", rs: 3 }, "数量指标", "维护路灯数", "≥1000盏", "1100盏", "30", "30", null],
  ["质量指标", "亮灯率", "≥95%", "98%", "10", "10", null],
  ["成本指标", "维护成本", "≤100万元", "95万元", "10", "10", null],
  ["效益指标", "社会效益指标", "夜间出行安全", "有效", "达成", "30", "30", null],
  ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "95%", "10", "10", null],
];
const TOTAL: Row[] = [
  [{ v: "总分", cs: 5 }, "100", "99.50", null],
  [{ v: "评分等级", cs: 2 }, { v: "优", cs: 6 }],
];
const form = (parts: { funds?: Row[]; fundsHeader?: Row; header?: Row[]; indicators?: Row[]; total?: Row[]; goal?: Row[] } = {}) =>
  tableGrid([...TITLE, parts.fundsHeader ?? FUNDS_HEADER, ...(parts.funds ?? FUNDS), ...(parts.goal ?? GOAL), ...(parts.header ?? [HEADER]), ...(parts.indicators ?? INDICATORS), ...(parts.total ?? TOTAL)]);

function reading(r: SheetReport) {
  const f = r.form!;
  return {
    rate: f.funds[0].rate.computed,
    budgetScore: f.budgetScore.computed,
    indicators: f.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score.declared]),
    total: f.total.computed,
    grade: f.grade.computed,
  };
}

describe("the base form", () => {
  it("reads with no finding: 9.50 + 90 = 99.50, 优", () => {
    const r = report(form());
    expect(codes(r)).toEqual([]);
    expect(reading(r)).toMatchObject({ rate: "95.00", budgetScore: "9.50", total: "99.50", grade: "优" });
  });
});

describe("a two-row indicator header (指标性质 | 指标值 | 度量单位 under 年度指标值)", () => {
  const split = (cells: Row): Row => {
    // the target `≥1000盏` split into sign, value and unit; a qualitative one into 定性 and its words
    const [l1, l2, name, target, ...rest] = cells.length === 8 ? cells : [null, ...cells];
    const m = /^([≥≤=]?)([\d.]+)(.*)$/.exec(String(target));
    const parts: Row = m ? [m[1] || "=", m[2], m[3]] : ["定性", target, null];
    return cells.length === 8 ? [l1, l2, name, ...parts, ...rest] : [l2, name, ...parts, ...rest];
  };
  const header: Row[] = [
    [{ v: "一级指标", rs: 2 }, { v: "二级指标", rs: 2 }, { v: "三级指标", rs: 2 }, { v: "年度指标值", cs: 3 }, { v: "实际完成值", rs: 2 }, { v: "分值", rs: 2 }, { v: "得分", rs: 2 }, { v: "偏差原因分析及改进措施", rs: 2 }],
    ["指标性质", "指标值", "度量单位"],
  ];
  const wide = (rows: Row[]) => rows.map((r) => r.map((c) => (c && typeof c === "object" && c.cs ? { ...c, cs: c.cs + 2 } : c)));

  it("joins sign, value and unit into one target and reads every indicator", () => {
    const r = report(form({ fundsHeader: [...FUNDS_HEADER, null, null], header, indicators: INDICATORS.map(split), total: wide(TOTAL), goal: wide(GOAL) }));
    expect(r.form!.indicators.map((i) => i.target)).toEqual(["≥1000(盏)", "≥95(%)", "≤100(万元)", "有效", "≥90(%)"]);
    expect(codes(r)).toEqual([]);
    expect(r.form!.total.computed).toBe("99.50");
  });

  it("the same header unmerged (labels only in their first cell) reads the same", () => {
    const flat = header.map((row) => row.flatMap((c) => (c && typeof c === "object" ? [c.v, ...Array((c.cs ?? 1) - 1).fill(null)] : [c])));
    const second: Row = [null, null, null, ...flat[1]];
    const r = report(form({ fundsHeader: [...FUNDS_HEADER, null, null], header: [flat[0], second], indicators: INDICATORS.map(split), total: wide(TOTAL), goal: wide(GOAL) }));
    expect(r.form!.indicators).toHaveLength(5);
    expect(codes(r)).toEqual([]);
  });
});

describe("the budget column is the one the form has", () => {
  const only = (rate: string, score: string): { fundsHeader: Row; funds: Row[] } => ({
    fundsHeader: [{ v: "项目资金（万元）", rs: 3 }, null, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null],
    funds: [
      ["年度资金总额", "310.2", "154.74", "10", rate, score, null],
      ["其中：本年财政拨款", "310.2", "154.74", "-", rate, "-", null],
    ],
  });
  it("年初预算数(A) alone is the budget: 154.74 ÷ 310.2 = 49.88, and a printed 50% / 5 is wrong", () => {
    const indicators = INDICATORS.map((row, i) => (i === 2 ? ["成本指标", "维护成本", "≤310.2万元", "154.74万元", "10", "10", null] : row));
    const r = report(form({ ...only("50%", "5"), indicators, total: [[{ v: "总分", cs: 5 }, "100", "94.98", null], [{ v: "评分等级", cs: 2 }, { v: "优", cs: 6 }]] }));
    expect(r.form!.funds[0].rate.computed).toBe("49.88");
    expect(r.form!.budgetScore.computed).toBe("4.98");
    expect(codes(r)).toEqual(["BUDGET_SCORE_MISMATCH:error", "EXEC_RATE_MISMATCH:error", "EXEC_RATE_MISMATCH:error", "LOW_EXECUTION:info"]);
  });
});

describe("小计 and nested rows under the total", () => {
  const funds = (subtotal: string): Row[] => [
    ["年度资金总额", "100", "100", "95", "10", "95.00%", "9.50"],
    ["财政拨款小计", subtotal, subtotal, "75", "-", "-", "-"],
    ["一般公共预算", "50", "50", "45", "-", "-", "-"],
    ["政府性基金", "30", "30", "30", "-", "-", "-"],
    ["其他资金", "20", "20", "20", "-", "-", "-"],
  ];
  it("a 小计 over the rows below it is a sum, not one more part: the total adds up", () => {
    expect(codes(report(form({ fundsHeader: [{ v: "项目资金（万元）", rs: 6 }, ...FUNDS_HEADER.slice(1)], funds: funds("80") })))).toEqual([]);
  });
  it("a 小计 that its rows do not add up to is FUNDS_SUM_MISMATCH", () => {
    const r = report(form({ fundsHeader: [{ v: "项目资金（万元）", rs: 6 }, ...FUNDS_HEADER.slice(1)], funds: funds("70") }));
    // 年初预算数 and 全年预算数; the 小计's 75 spent of its 70 is over its budget too
    expect(codes(r)).toEqual(["EXEC_OVER_BUDGET:warning", "FUNDS_SUM_MISMATCH:error", "FUNDS_SUM_MISMATCH:error"]);
    expect(r.findings.find((f) => f.code === "FUNDS_SUM_MISMATCH")!.message).toBe("年初预算数：“财政拨款小计” 70.00 不等于其下各项资金之和 80.00（50.00 + 30.00），请核对");
  });
  it("a 其中 row over its own 其中 rows counts once", () => {
    const nested: Row[] = [
      ["年度资金总额", "100", "100", "95", "10", "95.00%", "9.50"],
      ["其中：财政资金", "80", "80", "75", "-", "-", "-"],
      ["其中：中央资金", "50", "50", "45", "-", "-", "-"],
      ["省级资金", "30", "30", "30", "-", "-", "-"],
      ["其他资金", "20", "20", "20", "-", "-", "-"],
    ];
    expect(codes(report(form({ fundsHeader: [{ v: "项目资金（万元）", rs: 6 }, ...FUNDS_HEADER.slice(1)], funds: nested })))).toEqual([]);
  });
  it("a part printed twice is no hierarchy: FUNDS_SUM_MISMATCH", () => {
    const twice: Row[] = [
      ["年度资金总额", "100", "100", "95", "10", "95.00%", "9.50"],
      ["其中：财政资金", "80", "80", "75", "-", "-", "-"],
      ["其他资金", "20", "20", "20", "-", "-", "-"],
      ["其他资金", "20", "20", "20", "-", "-", "-"],
    ];
    expect(codes(report(form({ funds: twice })))).toEqual(["FUNDS_SUM_MISMATCH:error", "FUNDS_SUM_MISMATCH:error", "FUNDS_SUM_MISMATCH:error"]);
  });
});

describe("amounts in 元 under a 万元 heading", () => {
  const yuan: Row[] = [
    ["年度资金总额", "1000000", "1000000", "950000", "10", "95.00%", "9.50"],
    ["其中：财政拨款", "1000000", "1000000", "950000", "-", "95.00%", "-"],
    ["上年结转资金", "0", "0", "0", "-", "-", "-"],
    ["其他资金", "0", "0", "0", "-", "-", "-"],
  ];
  it("are named as such (info), and the 万元 cost is compared with them as 元: no COST_INCONSISTENT", () => {
    const r = report(form({ funds: yuan }));
    expect(codes(r)).toEqual(["AMOUNT_UNIT_SUSPECT:info"]);
    expect(r.findings[0].message).toContain("金额看来是以“元”为单位填写的");
  });
});

describe("总分 and the grade on one row", () => {
  it("`总分 | 100 | 自评等级 | 优`: the grade is read as the grade, never as the 总分", () => {
    const r = report(form({ total: [[{ v: "总分", cs: 5 }, "99.50", "自评等级", "优"]] }));
    expect(codes(r)).toEqual([]);
    expect(r.form!.total).toMatchObject({ declared: "99.50", computed: "99.50" });
    expect(r.form!.grade).toMatchObject({ declared: "优", computed: "优" });
  });
  it("a wrong grade there is GRADE_MISMATCH", () => {
    const r = report(form({ total: [[{ v: "总分", cs: 5 }, "99.50", "自评等级", "良"]] }));
    expect(codes(r)).toEqual(["GRADE_MISMATCH:error"]);
  });
  it("a grade word after the 总分 with no label (`总分 | 100 | 99.50 | 优`) is the grade", () => {
    const r = report(form({ total: [[{ v: "总分", cs: 5 }, "100", "99.50", "优"]] }));
    expect(codes(r)).toEqual([]);
    expect(r.form!.grade).toMatchObject({ declared: "优", computed: "优" });
  });
});

describe("成本指标 as a 一级 (财预〔2021〕101号)", () => {
  it("with 经济成本指标 under it: no LEVEL2_INVALID, weighed with 产出 (20 + 30 = 50)", () => {
    const indicators: Row[] = [
      [{ v: "产出指标", rs: 2 }, "数量指标", "维护路灯数", "≥1000盏", "1100盏", "30", "30", null],
      ["质量指标", "亮灯率", "≥95%", "98%", "10", "10", null],
      ["成本指标", "经济成本指标", "维护成本", "≤100万元", "95万元", "10", "10", null],
      ...INDICATORS.slice(3),
    ];
    const r = report(form({ indicators }));
    expect(codes(r)).toEqual([]);
    expect(r.form!.total.computed).toBe("99.50");
  });
});

describe("signs in every width, and an actual that repeats its sign", () => {
  it.each([["≥=1000盏"], ["＞＝1000盏"], ["=>1000盏"]])("%s with an actual `=1100盏`", (target) => {
    const indicators = [[INDICATORS[0][0], "数量指标", "维护路灯数", target, "=1100盏", "30", "30", null], ...INDICATORS.slice(1)];
    const r = report(form({ indicators }));
    expect(codes(r)).toEqual([]);
    expect(r.form!.indicators[0].kind).toBe("quantitative");
  });
});
