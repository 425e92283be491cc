/**
 * A 自评表 against its 申报表 (rules.md §7.4, issue 19): in one workbook (two sheets) and across files (the folder
 * step), matched by 项目名称 or code; one target lowered and one indicator removed give exactly
 * TARGET_CHANGED_FROM_DECLARATION (declared → now) and INDICATOR_DROPPED, and nothing of the copy checks.
 */
import { checkWorkbook, folderForms, withFolderFindings } from "../../src/app";
import { getProfile, Grid, SheetReport } from "../../src/engine";
import { projectCode } from "../../src/engine/findings/checks/declarationMatch";
import { TableCell, tableGrid } from "../fixtures/tableGrid";

const profile = getProfile("putuo-2023")!;
type Row = TableCell[];

const DECLARED: [string, string, string, string][] = [
  ["产出指标", "数量指标", "维护路灯数", "≥1000盏"],
  ["产出指标", "质量指标", "亮灯率", "≥95%"],
  ["产出指标", "成本指标", "维护成本", "≤100万元"],
  ["效益指标", "社会效益指标", "夜间出行安全", "有效"],
  ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
];
/** The actual and the 分值 (= 得分) of each declared indicator, by its place. */
const ACTUAL: [string, string][] = [["1100盏", "30"], ["98%", "10"], ["95万元", "10"], ["达成", "30"], ["95%", "10"]];

function declaration(name = "城区路灯维护", total = "100"): Grid {
  return tableGrid(
    [
      [{ v: "项目支出绩效目标申报表", cs: 5 }],
      ["项目名称", { v: name, cs: 4 }],
      [{ v: "资金情况（万元）", rs: 3 }, "年度资金总额：", { v: total, cs: 3 }],
      ["其中：财政拨款", { v: total, cs: 3 }],
      ["其他资金", { v: "0", cs: 3 }],
      [{ v: "总体目标", rs: 2 }, { v: "年度目标", cs: 4 }],
      [{ v: "全年维护路灯 1,000 盏以上", cs: 4 }],
      [{ v: "绩效指标", rs: 1 + DECLARED.length }, "一级指标", "二级指标", "三级指标", "指标值"],
      ...DECLARED.map(([l1, l2, n, t]): Row => [l1, l2, n, t]),
    ],
    { sheet: "申报表" },
  );
}

/** The 自评表 of the project, its indicators as declared unless changed: [name, target] or null to drop one. */
function selfEvaluation(change: (row: [string, string, string, string]) => [string, string, string, string] | null = (r) => r, name = "城区路灯维护"): Grid {
  const rows = DECLARED.map((r, i) => [change(r), ACTUAL[i]] as const).filter((x): x is readonly [[string, string, string, string], [string, string]] => x[0] !== null);
  const weights = rows.reduce((s, [, a]) => s + Number(a[1]), 0);
  const total = 9.5 + weights;
  const grade = total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
  return tableGrid(
    [
      [{ v: "项目支出绩效自评表", cs: 8 }],
      ["项目名称", { v: name, cs: 7 }],
      [{ v: "项目资金（万元）", rs: 3 }, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", "100", "100", "95", "10", "95.00%", "9.50"],
      ["其中：财政拨款", "100", "100", "95", "-", "95.00%", "-"],
      [{ v: "年度总体目标", rs: 2 }, { v: "预期目标", cs: 3 }, { v: "实际完成情况", cs: 4 }],
      [{ v: "全年维护路灯 1,000 盏以上", cs: 3 }, { v: "维护路灯 1,100 盏", cs: 4 }],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...rows.map(([[l1, l2, n, t], [actual, w]]): Row => [l1, l2, n, t, actual, w, w, null]),
      [{ v: "总分", cs: 5 }, String(10 + weights), total.toFixed(2), null],
      [{ v: "评分等级", cs: 2 }, { v: grade, cs: 6 }],
    ],
    { sheet: "自评表" },
  );
}

const LOWERED_AND_DROPPED = (r: [string, string, string, string]): [string, string, string, string] | null =>
  r[2] === "亮灯率" ? [r[0], r[1], r[2], "≥90%"] : r[2] === "夜间出行安全" ? null : r;

const codesOf = (r: SheetReport) => r.findings.map((f) => f.code).sort();

describe("in one workbook", () => {
  it("the 自评表 as declared gets nothing from its 申报表", () => {
    const [d, s] = checkWorkbook([declaration(), selfEvaluation()], profile).sheets;
    expect(d.report.form!.formKind).toBe("declaration");
    expect(codesOf(s.report)).toEqual([]);
  });

  it("one target lowered and one indicator removed: exactly TARGET_CHANGED_FROM_DECLARATION (≥95% → ≥90%) and INDICATOR_DROPPED", () => {
    const [d, s] = checkWorkbook([declaration(), selfEvaluation(LOWERED_AND_DROPPED)], profile).sheets;
    const findings = s.report.findings.filter((f) => f.code !== "LEVEL1_WEIGHT_NONSTANDARD");
    expect(findings.map((f) => [f.code, f.severity, f.cells[0]])).toEqual([
      ["TARGET_CHANGED_FROM_DECLARATION", "warning", "D10"],
      ["INDICATOR_DROPPED", "warning", "A9"],
    ]);
    expect(findings[0].message).toContain("申报 ≥95% → 自评 ≥90%");
    expect(findings[0].message).toContain("工作表“申报表”");
    expect(findings[1].message).toContain("“夜间出行安全”（年度指标值“有效”）");
    expect(codesOf(d.report)).toEqual([]);
  });

  it("an indicator added and a different 年初预算数 are infos; a target printed another way (≥95.00%) is no change", () => {
    const [, s] = checkWorkbook([declaration("城区路灯维护", "120"), selfEvaluation((r) => (r[2] === "亮灯率" ? [r[0], r[1], r[2], "≥95.00(%)"] : r[2] === "维护成本" ? [r[0], r[1], "维护费用", r[3]] : r))], profile).sheets;
    expect(codesOf(s.report)).toEqual(["BUDGET_DIFFERS_FROM_DECLARATION", "INDICATOR_ADDED", "INDICATOR_DROPPED"]);
  });

  it("another project's 申报表 is not this one's", () => {
    const [, s] = checkWorkbook([declaration("城区绿化养护"), selfEvaluation(LOWERED_AND_DROPPED)], profile).sheets;
    expect(codesOf(s.report).filter((c) => c.includes("DECLARATION") || c.startsWith("INDICATOR_"))).toEqual([]);
  });

  it("a name spelt with other spacing and punctuation matches; one with another number does not", () => {
    expect(codesOf(checkWorkbook([declaration("城区 路灯维护（一期）"), selfEvaluation(LOWERED_AND_DROPPED, "城区路灯维护(一期)")], profile).sheets[1].report)).toContain("INDICATOR_DROPPED");
    expect(codesOf(checkWorkbook([declaration("城区路灯维护（二期）"), selfEvaluation(LOWERED_AND_DROPPED, "城区路灯维护（一期）")], profile).sheets[1].report)).not.toContain("INDICATOR_DROPPED");
  });

  it("the project code matches whatever the name", () => {
    expect(projectCode("51000021R000000019951-工资性支出")).toBe("51000021R000000019951");
    const [, s] = checkWorkbook([declaration("51000021R000000019951-工资性支出"), selfEvaluation(LOWERED_AND_DROPPED, "51000021R000000019951-工资")], profile).sheets;
    expect(codesOf(s.report)).toContain("TARGET_CHANGED_FROM_DECLARATION");
  });
});

describe("across files (the folder step, or two files given together)", () => {
  it("finds the 申报表 of another file, and names that file", () => {
    const d = checkWorkbook([declaration()], profile);
    const s = checkWorkbook([selfEvaluation(LOWERED_AND_DROPPED)], profile);
    const [, [sheet]] = withFolderFindings([
      { file: "申报表.xlsx", sheets: d.sheets.map((x) => x.report), forms: folderForms(d) },
      { file: "自评表.xlsx", sheets: s.sheets.map((x) => x.report), forms: folderForms(s) },
    ]);
    expect(sheet.findings.filter((f) => f.code !== "LEVEL1_WEIGHT_NONSTANDARD").map((f) => f.code)).toEqual(["TARGET_CHANGED_FROM_DECLARATION", "INDICATOR_DROPPED"]);
    expect(sheet.findings[0].message).toContain("文件“申报表.xlsx”的工作表“申报表”");
  });

  it("pairs a lone 自评表 with a lone 申报表 of another name when asked (--declaration)", () => {
    const d = checkWorkbook([declaration("路灯项目")], profile);
    const s = checkWorkbook([selfEvaluation(LOWERED_AND_DROPPED)], profile);
    const files = [
      { file: "申报表.xlsx", sheets: d.sheets.map((x) => x.report), forms: folderForms(d) },
      { file: "自评表.xlsx", sheets: s.sheets.map((x) => x.report), forms: folderForms(s) },
    ];
    expect(withFolderFindings(files)[1][0].findings.map((f) => f.code)).not.toContain("INDICATOR_DROPPED");
    expect(withFolderFindings(files, undefined, { pairAlone: true })[1][0].findings.map((f) => f.code)).toContain("INDICATOR_DROPPED");
  });
});
