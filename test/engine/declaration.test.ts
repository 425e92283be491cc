/**
 * The forms around the 自评表 (rules.md §7, issue 19): which form it is (§7.1), the 目标审核 of a 申报表 (§7.2) — a
 * correct one gets no finding, and a trivial target, a missing 满意度 indicator, parts that do not add up … each get
 * exactly their finding — and the 部门整体 自评表 scored like a 自评表 (§7.5).
 */
import { checkWorkbook } from "../../src/app";
import { getProfile, Grid, SheetReport } from "../../src/engine";
import { TableCell, tableGrid } from "../fixtures/tableGrid";

const profile = getProfile("putuo-2023")!;
const report = (grid: Grid): SheetReport => checkWorkbook([grid], profile).sheets[0].report;
const codes = (r: SheetReport) => r.findings.map((f) => `${f.code}:${f.severity}`).sort();
type Row = TableCell[];

const INDICATORS: Row[] = [
  [{ v: "产出指标", rs: 3 }, "数量指标", "维护路灯数", "≥1000盏"],
  ["质量指标", "亮灯率", "≥95%"],
  ["成本指标", "维护成本", "≤100万元"],
  ["效益指标", "社会效益指标", "夜间出行安全", "有效"],
  ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
];
function declaration(o: { title?: string; parts?: [string, string][]; goal?: string; indicators?: Row[] } = {}): Grid {
  const parts = o.parts ?? [["其中：财政拨款", "80"], ["其他资金", "20"]];
  const indicators = o.indicators ?? INDICATORS;
  return tableGrid([
    [{ v: o.title ?? "项目支出绩效目标申报表", cs: 5 }],
    [{ v: "（2024年度）", cs: 5 }],
    ["项目名称", { v: "城区路灯维护", cs: 4 }],
    ["主管部门", "区城管局", "实施单位", { v: "区路灯所", cs: 2 }],
    [{ v: "资金情况（万元）", rs: 1 + parts.length }, "年度资金总额：", { v: "100", cs: 3 }],
    ...parts.map(([label, amount]): Row => [label, { v: amount, cs: 3 }]),
    [{ v: "总体目标", rs: 2 }, { v: "年度目标", cs: 4 }],
    [{ v: o.goal ?? "全年维护路灯 1,000 盏以上，亮灯率 95% 以上", cs: 4 }],
    [{ v: "绩效指标", rs: 1 + indicators.length }, "一级指标", "二级指标", "三级指标", "指标值"],
    ...indicators.map((r): Row => [...r]),
  ]);
}

describe("a 申报表 (rules.md §7.1, §7.2)", () => {
  it("is named a declaration, read whole, never scored, and a correct one gets no finding at all", () => {
    const r = report(declaration());
    expect(r.form!.formKind).toBe("declaration");
    expect(r.form!.projectName).toBe("城区路灯维护");
    expect(r.form!.funds.map((f) => [f.label, f.budget])).toEqual([["年度资金总额", "100.00"], ["其中：财政拨款", "80.00"], ["其他资金", "20.00"]]);
    expect(r.form!.indicators.map((i) => [i.name, i.target])).toEqual([["维护路灯数", "≥1000盏"], ["亮灯率", "≥95%"], ["维护成本", "≤100万元"], ["夜间出行安全", "有效"], ["市民满意度", "≥90%"]]);
    expect(r.form!.scoring.kind).toBe("unscored");
    expect(r.form!.total.computed).toBeNull();
    expect(codes(r)).toEqual([]);
  });

  it.each([
    ["a structural declaration with a title that says neither", { title: "2024年度城区路灯维护项目" }],
    ["a 目标表", { title: "项目支出绩效目标表" }],
    ["a 批复表", { title: "财政项目支出绩效目标批复表" }],
  ])("%s is a declaration too", (_n, o) => {
    const r = report(declaration(o));
    expect(r.form!.formKind).toBe("declaration");
    expect(codes(r)).toEqual([]);
  });

  it.each([
    ["a target that cannot fail (≥0%)", { indicators: INDICATORS.map((r, i) => (i === 1 ? ["质量指标", "亮灯率", "≥0%"] : r)) }, ["TARGET_TRIVIAL:warning"]],
    ["no 满意度 indicator", { indicators: INDICATORS.slice(0, 4) }, ["MISSING_SATISFACTION:warning"]],
    ["no 效益 indicator", { indicators: [...INDICATORS.slice(0, 3), INDICATORS[4]] }, ["LEVEL1_MISSING:warning"]],
    ["parts that do not add up (80 + 30)", { parts: [["其中：财政拨款", "80"], ["其他资金", "30"]] as [string, string][] }, ["FUNDS_SUM_MISMATCH:error"]],
    ["a 数量 target in words", { indicators: INDICATORS.map((r, i) => (i === 0 ? [{ v: "产出指标", rs: 3 }, "数量指标", "维护路灯数", "全面维护"] : r)) }, ["TARGET_NOT_QUANTIFIED:warning"]],
    ["a target that cannot be read (≥9O%)", { indicators: INDICATORS.map((r, i) => (i === 1 ? ["质量指标", "亮灯率", "≥9O%"] : r)) }, ["TARGET_UNPARSEABLE:warning"]],
    ["a cost above the money (≤120万元 of 100)", { indicators: INDICATORS.map((r, i) => (i === 2 ? ["成本指标", "维护成本", "≤120万元"] : r)) }, ["COST_INCONSISTENT:warning"]],
    ["an empty 年度目标", { goal: "" }, ["GOAL_MISSING:warning"]],
    ["a 二级 under the wrong 一级", { indicators: INDICATORS.map((r, i) => (i === 3 ? ["效益指标", "质量指标", "夜间出行安全", "有效"] : r)) }, ["LEVEL2_INVALID:warning"]],
  ] as [string, Parameters<typeof declaration>[0], string[]][])("%s gets exactly %j", (_n, o, expected) => {
    expect(codes(report(declaration(o)))).toEqual(expected);
  });

  it("its findings name the cell: the trivial target's", () => {
    const r = report(declaration({ indicators: INDICATORS.map((r, i) => (i === 1 ? ["质量指标", "亮灯率", "≥0%"] : r)) }));
    expect(r.findings[0].cells).toEqual(["E12"]);
    expect(r.findings[0].message).toContain("亮灯率");
  });
});

describe("the 部门整体 forms (rules.md §7.5)", () => {
  it("a 部门整体支出绩效目标表 is a department declaration", () => {
    expect(report(declaration({ title: "部门整体支出绩效目标表" })).form!.formKind).toBe("departmentDeclaration");
  });

  const TASKS = (second: string): Row[] => [
    [{ v: "年度主要任务", rs: 3 }, "任务名称", { v: "主要内容", cs: 2 }, "预算数", "执行数", null, null],
    ["道路保洁", { v: "主次干道保洁", cs: 2 }, "300", "260.45", null, null],
    ["垃圾清运", { v: "生活垃圾清运", cs: 2 }, second, "129", null, null],
  ];
  const department = (rate: string, tasks: Row[] = []): Grid =>
    tableGrid([
      [{ v: "部门整体支出绩效自评表", cs: 8 }],
      [{ v: "（2023年度）", cs: 8 }],
      ["部门名称", { v: "区城市管理局", cs: 7 }],
      [{ v: "年度预算资金（万元）", rs: 6 }, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "1000", "1080", "999.65", "10", rate, "9.25"],
      ["基本支出", "600", "620", "610.20", "-", "98.41%", "-"],
      ["其中：人员经费", "500", "510", "505", "-", "99.01%", "-"],
      ["公用经费", "100", "110", "105.20", "-", "95.63%", "-"],
      ["项目支出", "400", "460", "389.45", "-", "84.66%", "-"],
      [{ v: "年度总体目标", rs: 2 }, { v: "预期目标", cs: 3 }, { v: "实际完成情况", cs: 4 }],
      [{ v: "保障城市运行", cs: 3 }, { v: "全年城市运行平稳", cs: 4 }],
      ...tasks,
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      [{ v: "产出指标", rs: 2 }, "数量指标", "道路保洁面积", "≥500万平方米", "520万平方米", "30", "30", null],
      ["时效指标", "案件处置及时率", "≥95%", "96%", "20", "20", null],
      ["效益指标", "社会效益指标", "市容环境改善", "有效", "达成", "30", "30", null],
      ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "92%", "10", "10", null],
      [{ v: "总分", cs: 5 }, "100", "99.25", null],
      [{ v: "评分等级", cs: 2 }, { v: "优", cs: 6 }],
    ]);

  it("is scored like a 自评表: 999.65 ÷ 1080 = 92.56 %, 9.25, 总分 99.25, 优 — its parts adding up through 基本支出", () => {
    const r = report(department("92.56%"));
    expect(r.form!.formKind).toBe("departmentSelfEvaluation");
    expect(r.form!.projectName).toBe("区城市管理局");
    expect(r.form!.funds[0].rate.computed).toBe("92.56");
    expect(r.form!.budgetScore.computed).toBe("9.25");
    expect(r.form!.total).toMatchObject({ declared: "99.25", computed: "99.25" });
    expect(r.form!.grade).toMatchObject({ declared: "优", computed: "优" });
    expect(codes(r)).toEqual(["BUDGET_ADJUSTED:info"]);
  });

  it("mof-2020 rounds half up: 92.56 % all the same (92.5601…), 预算执行得分 9.26 (9.2560…), 总分 99.26 — the printed 99.25 is the other rounding's", () => {
    const r = checkWorkbook([department("92.56%")], getProfile("mof-2020")!).sheets[0].report;
    expect([r.form!.funds[0].rate.computed, r.form!.budgetScore.computed, r.form!.total.computed, r.form!.grade.computed]).toEqual(["92.56", "9.26", "99.26", "优"]);
    // the parts' rates were printed truncated too (98.41, 95.63, 84.66): each the other rounding's
    expect(codes(r)).toEqual(["BUDGET_ADJUSTED:info", "BUDGET_SCORE_MISMATCH:warning", "EXEC_RATE_MISMATCH:warning", "EXEC_RATE_MISMATCH:warning", "EXEC_RATE_MISMATCH:warning", "TOTAL_MISMATCH:warning"]);
  });

  it("its 年度主要任务 add up to the 项目支出 (300 + 160 = 460, 260.45 + 129 = 389.45): no finding", () => {
    const r = report(department("92.56%", TASKS("160")));
    expect(codes(r)).toEqual(["BUDGET_ADJUSTED:info"]);
  });

  it("年度主要任务 that do not add up to the 项目支出 are FUNDS_SUM_MISMATCH, naming the sum", () => {
    const r = report(department("92.56%", TASKS("150")));
    expect(r.findings.filter((f) => f.code === "FUNDS_SUM_MISMATCH").map((f) => f.message)).toEqual(["年度主要任务的预算数：“项目支出” 460.00 不等于其下各项资金之和 450.00（300.00 + 150.00），请核对"]);
  });

  it("a printed 93% against the true 92.56 % is EXEC_RATE_MISMATCH", () => {
    const r = report(department("93%"));
    expect(r.findings.filter((f) => f.code === "EXEC_RATE_MISMATCH").map((f) => [f.severity, f.cells[0]])).toEqual([["error", "G5"]]);
  });
});

describe("a 部门整体 form's parts printed as a strip above its funds table (the Hubei template)", () => {
  // 基本支出总额 | amount | 项目支出总额 | amount, over the table whose only row is 部门整体支出总额
  const hubei = (basic: string, project: string, budget = "864.2"): Grid =>
    tableGrid([
      ["单位名称", { v: "塘湖镇人民政府", cs: 6 }],
      ["基本支出总额", { v: basic, cs: 2 }, { v: "项目支出总额", cs: 2 }, { v: project, cs: 2 }],
      [{ v: "预算执行情况(万元) (20分)", cs: 3 }, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
      [{ v: "部门整体支出总额", cs: 3 }, budget, "864.2", "100%", "20"],
      [{ v: "年度目标1:(80分)", cs: 2 }, { v: "增强政府工作效率、改善乡镇居住环境", cs: 5 }],
      [{ v: "年度绩效指标", rs: 4 }, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
      ["产出指标", "数量指标", "办结信访案件", "168起", "168起", "40"],
      ["效益指标", "社会效益指标", "改善人居环境", "有效改善", "有效改善", "20"],
      ["满意度指标", "群众满意度指标", "群众对政府工作满意度", "≥90%", "95%", "20"],
      [{ v: "总分", cs: 6 }, "100分"],
    ]);
  const sums = (r: SheetReport) => r.findings.filter((f) => f.code === "FUNDS_SUM_MISMATCH").map((f) => [f.severity, f.cells, f.message]);

  it.each<[string, string, string, string, string[]]>([
    ["amounts with 万, adding up", "864.2万", "0", "864.2", []],
    ["plain numbers, adding up", "600", "264.2", "864.2", []],
    ["a 全年预算数 the parts do not make", "800万", "0", "864.2", ["D4"]],
  ])("%s: both parts are funds rows of the report with their amounts", (_, basic, project, budget, mismatchAt) => {
    const r = report(hubei(basic, project, budget));
    expect(r.form!.formKind).toBe("departmentSelfEvaluation");
    const parts = r.form!.funds.slice(1).map((f) => [f.label, f.budget]);
    const n = (x: string) => Number(String(x).replace("万", "")).toFixed(2);
    expect(parts).toEqual([["基本支出总额", n(basic)], ["项目支出总额", n(project)]]);
    expect(sums(r).map((s) => (s[1] as string[])[0])).toEqual(mismatchAt);
  });

  it("a mismatch names the total's 全年预算数 and says the parts' sum", () => {
    const [[severity, cells, message]] = sums(report(hubei("800万", "0")));
    expect([severity, cells]).toEqual(["error", ["D4", "B2", "F2"]]);
    expect(message).toContain("800.00 + 0.00 = 800.00");
  });

  it("a part label without an amount beside it is no strip: nothing read from that row, no finding", () => {
    const r = report(hubei("详见附表", "0"));
    expect(r.form!.funds.map((f) => f.label)).toEqual(["部门整体支出总额"]);
    expect(sums(r)).toEqual([]);
  });
});

describe("target tables of other templates (read from forms collected in Shaanxi, Tianjin, Hainan)", () => {
  // the 中央预算内投资计划绩效目标表: one amount, the goal beside 总体目标, 产出/效益 in the 二级 column under 实施效果指标
  const investment = (level1 = "实施效果指标"): Grid =>
    tableGrid([
      [{ v: "农业绿色发展专项2022年中央预算内投资计划绩效目标表", cs: 6 }],
      ["专项名称", { v: "畜禽粪污资源化利用整县推进项目", cs: 5 }],
      ["下达中央预算内投资(万元)", { v: "2350", cs: 5 }],
      ["总 体 目 标", { v: "提高畜禽粪污综合利用率和规模养殖场设施装备配套率。", cs: 5 }],
      [{ v: "绩 效 指 标", rs: 6 }, "一级指标", "二级指标", "三级指标", { v: "指标值", cs: 2 }],
      [{ v: level1, rs: 5 }, { v: "产出指标", rs: 2 }, "建设项目个数", { v: "1个", cs: 2 }],
      ["竣工验收合格率", { v: "100%", cs: 2 }],
      ["效益指标", "畜禽粪污综合利用率", { v: "≥90%", cs: 2 }],
      ["满意度指标", "养殖户满意度", { v: "≥90%", cs: 2 }],
      ["成本指标", "单位投资成本", { v: "≤2350万元", cs: 2 }],
    ]);

  it("产出 / 效益 / 满意度 / 成本 in the 二级 column under a grouping are the 一级: no LEVEL2_INVALID, no LEVEL1_MISSING", () => {
    const r = report(investment());
    expect(r.form!.formKind).toBe("declaration");
    expect(r.form!.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", ""],
      ["产出指标", ""],
      ["效益指标", ""],
      ["满意度指标", ""],
      ["成本指标", ""],
    ]);
    expect(r.findings.map((f) => f.code).filter((c) => c.startsWith("LEVEL"))).toEqual([]);
  });

  it("its one amount is the year's total, and the text beside 总体目标 its goal: no FIELD_MISSING", () => {
    const r = report(investment());
    expect(r.form!.funds.map((f) => [f.label, f.budget])).toEqual([["下达中央预算内投资(万元)", "2350.00"]]);
    expect(r.findings.filter((f) => f.code === "FIELD_MISSING").map((f) => f.message)).toEqual([]);
  });

  it("under a real 一级 (产出指标) a 一级 name in the 二级 column stays a 二级 and is checked as one (成本指标 belongs there)", () => {
    const r = report(investment("产出指标"));
    expect(r.form!.indicators[2]).toMatchObject({ level1: "产出指标", level2: "效益指标" });
    expect(r.findings.filter((f) => f.code === "LEVEL2_INVALID").map((f) => f.cells[0])).toEqual(["C6", "C8", "C9"]);
  });

  it.each([
    ["30%", "30.00"],
    ["30", "30.00"],
    ["12.5%", "12.50"],
  ])("a 权重 printed %s is %s points", (printed, points) => {
    const r = report(
      tableGrid([
        [{ v: "项目绩效目标表", cs: 8 }],
        [{ v: "主管部门:", cs: 2 }, { v: "省商务厅", cs: 2 }, { v: "资金总额:", cs: 2 }, { v: "2430.30", cs: 2 }],
        ["总体目标", { v: "全年实现会展业综合收入不低于280亿元", cs: 7 }],
        ["一级指标*", "二级指标*", "三级指标*", "绩效指标性质*", "绩效指标值*", "绩效度量单位", "权重*", "指标方向性*"],
        ["产出指标", "数量指标", "全年实现会展业综合收入", "≥", "280", "亿元", printed, "正向指标"],
      ]),
    );
    expect(r.form!.indicators.map((i) => [i.target, i.weight])).toEqual([["≥280(亿元)", points]]);
  });
});

describe("a 申报表's indicators in the report", () => {
  it("are quantitative when their target is a number (there is no actual to wait for)", () => {
    const r = report(declaration());
    expect(r.form!.indicators.map((i) => [i.name, i.kind])).toEqual([
      ["维护路灯数", "quantitative"],
      ["亮灯率", "quantitative"],
      ["维护成本", "quantitative"],
      ["夜间出行安全", "qualitative"],
      ["市民满意度", "quantitative"],
    ]);
  });
});

describe("a strip of parts beside a table of 年初预算数 and 全年预算数", () => {
  const form = (basic: string, project: string): Grid =>
    tableGrid([
      [{ v: "部门整体支出绩效自评表", cs: 7 }],
      ["部门名称", { v: "区城市管理局", cs: 6 }],
      ["基本支出", basic, "项目支出", project, null, null, null],
      ["年度预算资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "1000", "1080", "999.65", "10", "92.56%", "9.25"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "道路保洁面积", "≥500万平方米", "520万平方米", "50", "50"],
      ["效益指标", "社会效益指标", "市容环境改善", "有效", "达成", "30", "30"],
      ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "92%", "10", "10"],
      [{ v: "总分", cs: 5 }, "100", "99.25"],
    ]);
  const sums = (r: SheetReport) => r.findings.filter((f) => f.code === "FUNDS_SUM_MISMATCH").map((f) => f.cells[0]);

  it.each([
    ["of the 全年预算数 (620 + 460 = 1080)", "620", "460", []],
    ["of the 年初预算数 (600 + 400 = 1000): the strip does not say which", "600", "400", []],
    ["of neither (600 + 460 = 1060)", "600", "460", ["C5"]],
  ])("parts %s", (_, basic, project, at) => {
    const r = report(form(basic, project));
    expect(r.form!.funds.map((f) => f.label)).toEqual(["年度资金总额", "基本支出", "项目支出"]);
    expect(sums(r)).toEqual(at);
  });
});

describe("a 目标表 whose level columns are printed one to the left (一级指标 | 二级指标 over 数量指标 | the indicator)", () => {
  const table = (firstLevel: string): Grid =>
    tableGrid([
      [{ v: "2022年市直部门预算项目支出绩效目标表", cs: 4 }],
      ["项目名称", { v: "办公大楼运行保障", cs: 3 }],
      ["年度资金总额", { v: "814", cs: 3 }],
      ["一级指标", "二级指标", "绩效标准", "当年预期实现值"],
      [{ v: firstLevel, rs: 2 }, "办公大楼日常维修维护次数", "反映办公大楼全年维修维护情况", "≥280次"],
      ["大楼安检巡察次数", "反映大楼保卫巡检情况", "200次"],
      ["质量指标", "维修维护验收合格率", "反映维修维护质量", "≥92%"],
    ]);

  it("reads the second column as the indicators and the first as their 二级, the 一级 following from it", () => {
    const r = report(table("数量指标"));
    expect(r.form!.formKind).toBe("declaration");
    expect(r.form!.indicators.map((i) => [i.level2, i.name, i.target])).toEqual([
      ["数量指标", "办公大楼日常维修维护次数", "≥280次"],
      ["数量指标", "大楼安检巡察次数", "200次"],
      ["质量指标", "维修维护验收合格率", "≥92%"],
    ]);
    const codes = r.findings.map((f) => f.code);
    expect(codes).not.toContain("FORM_NOT_FOUND");
    expect(codes).not.toContain("LEVEL2_INVALID");
    // 产出 is there (数量 and 质量 are its 二级): only 效益 and 满意度 are missing
    expect(r.findings.filter((f) => f.code === "LEVEL1_MISSING").map((f) => f.message)).toEqual([expect.stringContaining("没有效益指标")]);
  });

  it("a first column of 一级 names is no shift: without a 三级指标 column the table is not read", () => {
    const r = report(table("产出指标"));
    expect(r.form?.indicators ?? []).toEqual([]);
  });
});

describe("a goal printed beside 绩效目标 in a row of its own", () => {
  const table = (goal: string | null): Grid =>
    tableGrid([
      [{ v: "2022年市直部门预算项目支出绩效目标表", cs: 4 }],
      ["项目名称", { v: "办公大楼运行保障", cs: 3 }],
      ["年度资金总额", { v: "814", cs: 3 }],
      ["绩效目标", { v: goal, cs: 3 }],
      [{ v: "绩效指标", cs: 4 }],
      ["一级指标", "二级指标", "三级指标", "年度指标值"],
      ["产出指标", "数量指标", "办公大楼日常维修维护次数", "≥280次"],
      ["效益指标", "社会效益指标", "办公秩序", "良好"],
      ["满意度指标", "服务对象满意度指标", "干部职工满意度", "≥90%"],
    ]);
  const goalMissing = (r: SheetReport) => r.findings.filter((f) => f.code === "FIELD_MISSING" && f.message.includes("年度目标")).length;

  it("is the goal: no FIELD_MISSING for it", () => {
    const grid = table("以办公大楼服务对象满意为目标，着力打造文明型机关。");
    const model = checkWorkbook([grid], profile).sheets[0].analysis.form!.model;
    expect([model.goal.expected?.text, model.goal.expected?.cell]).toEqual(["以办公大楼服务对象满意为目标，着力打造文明型机关。", expect.objectContaining({ row: 4, col: 2 })]);
    expect(goalMissing(report(grid))).toBe(0);
  });

  it("a 绩效目标 row with nothing beside it has no goal, said as before", () => {
    expect(goalMissing(report(table(null)))).toBe(1);
  });
});
