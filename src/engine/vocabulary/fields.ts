/**
 * Every field of the 自评表 and the words real forms print for it (rules.md §1.5, §1.6), as data. The locator
 * matches a label against these after labelCore(): no spaces, half-width punctuation, no bracketed decorations
 * (`(A)`, `(万元)`, `(20分)`, `(盖章)`), no numbering, no trailing colon. A label that is none of these words but
 * contains one (`全年实际完成值` ⊃ `实际完成值`) still matches, with a lower score; the best-fitting one wins.
 * Add a province's words here, not in code.
 */
export type Vocabulary<F extends string> = Readonly<Record<F, readonly string[]>>;

/** The label cells above the form: 项目名称 and the like, each followed by its value. */
export const HEADER_FIELDS = {
  /** A 部门整体 form's name: the department's (rules.md §7.5). */
  departmentName: ["部门名称", "单位名称", "部门", "部门单位名称", "预算部门单位名称", "一级预算单位名称", "预算单位名称", "预算单位"],
  projectName: ["项目名称", "专项资金名称", "资金名称", "项目资金名称", "专项名称", "转移支付名称", "转移支付项目名称", "项目支出名称"],
  department: ["主管部门", "主管单位", "预算部门", "主管部门及代码"],
  implementer: ["实施单位", "项目实施单位", "执行单位"],
} as const satisfies Vocabulary<string>;
export type HeaderField = keyof typeof HEADER_FIELDS;

/** The 评分等级 row's label. */
export const GRADE_LABELS = ["评分等级", "自评等级", "等级", "绩效等级", "评价等级", "自评结果", "评价结果"] as const;

/** Column headers of the funds table. */
export const FUNDS_COLUMNS = {
  initialBudget: ["年初预算数", "年初预算", "年初预算金额", "年初预算资金", "年初数"],
  budget: ["全年预算数", "预算数", "调整后预算数", "调整后预算", "年度预算数", "全年预算", "全年预算金额", "预算金额", "年度预算", "调整预算数"],
  executed: ["全年执行数", "执行数", "预算执行数", "实际执行数", "全年执行金额", "全年执行", "执行金额", "实际支出数", "全年支出数", "实际执行金额"],
  rate: ["执行率", "预算执行率", "资金执行率", "预算执行比率"],
  weight: ["分数", "分值", "权重"],
  score: ["得分", "自评得分"],
  reason: ["原因", "偏差原因", "执行偏差原因", "说明", "未完成原因"],
  /** Columns a form prints that hold nothing to check (how a score is computed, the source of the money). */
  remark: ["得分计算方法", "计算方法", "备注", "资金来源", "资金性质"],
} as const satisfies Vocabulary<string>;
export type FundsColumn = keyof typeof FUNDS_COLUMNS;

const DEPARTMENT_FUNDS_ROWS_PARTS = ["基本支出", "人员经费", "公用经费", "项目支出", "一般公共预算", "一般公共预算拨款", "政府性基金", "政府性基金拨款", "上级资金", "自有资金", "事业收入", "经营收入", "经营性收入", "其他收入"] as const;

/** Row labels of the funds table; every other row under the total that holds amounts is a part too. */
export const FUNDS_ROWS = {
  fundsTotal: [
    "年度资金总额",
    "年度财政资金总额",
    "资金总额",
    "总额",
    "年度资金合计",
    "资金合计",
    "年度资金总计",
    "合计",
    "总计",
    // a 部门整体 form's total, and a 申报表's year amount (rules.md §7.2, §7.5)
    "部门整体支出总额",
    "整体支出总额",
    "当年资金总额",
    "当年年度预算",
    "年度预算金额",
    "年度本级预算金额",
    "本年度申请市财政预算资金",
    "本年度预算资金",
    // the 中央预算内投资计划绩效目标表 (a 发展改革 template): the year's one amount
    "下达中央预算内投资",
    "中央预算内投资",
  ],
  part: [
    "当年财政拨款",
    "本年财政拨款",
    "财政拨款",
    "财政资金",
    "中央、省、市补助县级资金",
    "上级补助",
    "上级补助资金",
    "本级安排",
    "本级资金",
    "财政专户管理资金",
    "单位资金",
    "自有资金",
    "上年结转资金",
    "上年结转",
    "其他资金",
    // transfer payments (rules.md §1.7): the central and local shares of a 转移支付
    "中央财政资金",
    "中央资金",
    "中央补助资金",
    "地方资金",
    "地方财政资金",
    "省级资金",
    "省级财政资金",
    "市级资金",
    "县级资金",
    // a 部门整体 form's (rules.md §7.5) and a 申报表's parts (rules.md §7.2)
    ...DEPARTMENT_FUNDS_ROWS_PARTS,
  ],
} as const satisfies Vocabulary<string>;

/** Words that head the funds table as a block (`项目资金(万元)`, `预算执行情况(万元)(20分)`), left of its header. */
export const FUNDS_BLOCK = ["项目资金", "资金情况", "预算执行情况", "年度预算数", "预算执行", "资金投入"] as const;

/** The 年度总体目标 block: its two texts, and the words of the block itself. */
export const GOAL_LABELS = {
  expected: ["预期目标", "年度预期目标", "年初设定目标", "年度目标", "项目年度目标", "年初目标", "绩效目标设定", "本年度绩效目标", "年度绩效总目标", "年度主要目标和成果", "年度主要目标"],
  actual: ["实际完成情况", "全年实际完成情况", "年度总体目标完成情况综述", "年度目标完成情况", "年度实际完成情况", "实际完成", "目标完成情况", "总体目标完成情况", "完成情况综述"],
} as const satisfies Vocabulary<string>;
export const GOAL_BLOCK = ["年度总体目标", "项目年度目标", "总体目标", "区域年度总体目标", "区域绩效目标"] as const;

/** Column headers of an indicator table. `targetValue`/`targetNature`/`targetUnit` are the split 年度指标值. */
export const INDICATOR_COLUMNS = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "绩效指标名称", "三级指标名称", "指标内容"],
  target: ["年度指标值", "年度目标值", "年初目标值", "指标值", "预期指标值", "目标值", "预期值", "计划值", "年度计划值", "目标值设定", "预期实现值", "当年预期实现值"],
  targetNature: ["指标性质", "指标方向", "计算符号", "符号"],
  targetUnit: ["度量单位", "计量单位", "单位"],
  actual: ["实际完成值", "实际完成指标值", "全年实际值", "实际值", "全年实际完成值", "全年完成值", "完成值", "实际完成情况", "实际完成数", "完成情况"],
  weight: ["分值", "权重", "分数"],
  score: ["得分", "自评得分", "评分"],
  deviation: [
    "偏差原因分析及改进措施",
    "未完成原因及拟采取的改进措施",
    "未完成原因和改进措施",
    "未完成原因分析",
    "偏差原因分析",
    "偏差原因",
    "未完成原因",
    "原因分析",
    "偏差原因及改进措施",
  ],
  /**
   * Columns that explain a row and hold nothing to check (rules.md §7.2's 备注; the explanations a bureau adds): known,
   * so not HEADER_UNRECOGNIZED, and not read.
   */
  remark: ["备注", "指标解释", "指标值说明", "绩效标准", "指标值设置依据", "指标赋分规则", "佐证资料", "得分计算方法", "评分标准", "指标方向性", "指标方向", "计算方法", "完成率"],
} as const satisfies Vocabulary<string>;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

/** Words of a label over a whole indicator block (`年度绩效目标(80分)`, `绩效指标(90分)`). */
export const INDICATOR_BLOCK = ["年度绩效目标", "绩效目标", "绩效指标", "年度绩效指标"] as const;

/** The 总分 row's label. */
export const TOTAL_LABELS = ["总分", "合计", "总计", "自评总分", "得分合计", "自评得分"] as const;

/** Labels of rows that come after the tables (the indicator table has ended when one appears). */
export const TRAILER_LABELS = [
  "评价结论",
  "存在问题",
  "改进措施",
  "偏差大或目标未完成原因分析",
  "改进措施及结果应用方案",
  "单位主要负责人签批意见",
  "项目负责人",
  "财务负责人",
  "填表人",
  "填报人",
  "备注",
  "其他需要说明",
] as const;

/**
 * The title of the form ends with one of these; its year is printed as `(2023年度)` in it or on its own line. The
 * 自评表, and the forms around it (rules.md §7): the 申报表 / 目标表 (批复表, 审批表 where a bureau prints those).
 */
export const TITLE_WORDS = ["绩效自评表", "自评表", "申报表", "目标表", "批复表", "审批表", "部门整体绩效目标"] as const;

/** The last characters of the TITLE_WORDS: a label ending in neither is no title (asked of every label of every sheet). */
const TITLE_ENDS = new Set(TITLE_WORDS.map((w) => w.charCodeAt(w.length - 1)));

/** Whether a label's core ends with a title word (`…绩效自评表`, `…申报表`). */
export function isTitleCore(core: string): boolean {
  return TITLE_ENDS.has(core.charCodeAt(core.length - 1)) && TITLE_WORDS.some((w) => core.endsWith(w));
}

/** Funds rows of a 部门整体 form (rules.md §7.5): the budget by economic class, under its total. */
export const DEPARTMENT_FUNDS_ROWS = ["基本支出", "人员经费", "公用经费", "项目支出", "人员支出", "公用支出"] as const;

/** The words the locator reads a form by: the tables above, or them with a workbook's own words added. */
export interface FormVocabulary {
  readonly header: Vocabulary<HeaderField>;
  readonly funds: Vocabulary<FundsColumn>;
  readonly goal: Vocabulary<keyof typeof GOAL_LABELS>;
  readonly indicators: Vocabulary<IndicatorColumn>;
}

export const DEFAULT_VOCABULARY: FormVocabulary = Object.freeze({
  header: HEADER_FIELDS,
  funds: FUNDS_COLUMNS,
  goal: GOAL_LABELS,
  indicators: INDICATOR_COLUMNS,
});

/** A word a workbook teaches the locator (issue 13 "teach a layout"): this header text means that field. */
export type TaughtLabel =
  | { readonly table: "header"; readonly field: HeaderField; readonly text: string }
  | { readonly table: "funds"; readonly field: FundsColumn; readonly text: string }
  | { readonly table: "goal"; readonly field: keyof typeof GOAL_LABELS; readonly text: string }
  | { readonly table: "indicators"; readonly field: IndicatorColumn; readonly text: string };

/**
 * The default vocabulary with a workbook's taught words added, each to its field (the taught word is compared as
 * its core, like any label: `完成情况（说明）` teaches `完成情况`).
 */
export function withTaughtLabels(taught: readonly TaughtLabel[], core: (text: string) => string): FormVocabulary {
  if (taught.length === 0) return DEFAULT_VOCABULARY;
  const add = <F extends string>(vocab: Vocabulary<F>, table: TaughtLabel["table"]): Vocabulary<F> => {
    const words = taught.filter((t) => t.table === table);
    if (words.length === 0) return vocab;
    const out = { ...vocab } as Record<F, readonly string[]>;
    for (const t of words) {
      const field = t.field as F;
      if (field in out) out[field] = [...out[field], core(t.text)];
    }
    return out;
  };
  return {
    header: add(HEADER_FIELDS, "header"),
    funds: add(FUNDS_COLUMNS, "funds"),
    goal: add(GOAL_LABELS, "goal"),
    indicators: add(INDICATOR_COLUMNS, "indicators"),
  };
}
