/**
 * The label variants of real forms (rules.md §1.5), matched against normalizeLabel() text:
 * no spaces or line breaks, half-width punctuation, no trailing colon.
 */
export const LABELS = {
  title: /绩效自评表$/,
  year: /^\(?(\d{4})年度?\)?$/,
  projectName: /^项目名称$/,
  department: /^主管部门$/,
  implementer: /^实施单位$/,
  fundsBlock: /^项目资金/,

  initialBudget: /^年初预算(数|金额)?(\([A-Za-z]\))?$/,
  budget: /^全年预算(数|金额)?(\([A-Za-z]\))?$/,
  executed: /^全年执行(数|金额)?(\([A-Za-z]\))?$/,
  fundsWeight: /^(分数|分值)(\(分\))?$/,
  rate: /^执行率(\(%\)|\(B\/A\)|%)?$/,
  score: /^得分(\(分\))?$/,

  fundsTotal: /^(年度资金总额|资金总额|年度资金合计)/,
  fundsFiscal: /财政拨款/,
  fundsCarryover: /上年结转/,
  fundsOther: /^(其中:)?其他资金/,

  goalBlock: /^年度总体目标$/,
  goalExpected: /^(预期目标|年度预期目标)$/,
  goalActual: /^(实际完成情况|年度实际完成情况|实际完成)$/,

  level1: /^一级指标$/,
  level2: /^二级指标$/,
  level3: /^三级指标$/,
  target: /^(年度指标值|年度目标值|指标值|目标值)$/,
  targetNature: /^指标性质$/,
  targetValue: /^指标值$/,
  targetUnit: /^(度量单位|计量单位|单位)$/,
  actual: /^(实际完成值|全年实际值|实际值|全年实际完成值|实际完成情况)$/,
  weight: /^(分值|权重|分数)(\(分\))?$/,
  deviation: /(偏差原因|未完成原因)/,

  total: /^(总分|合计|总计)$/,
  grade: /^(评分等级|自评等级|等级|绩效等级|评价等级)$/,
} as const;

/** `产出指标(50分)` → kind and weight. */
export const LEVEL1_WITH_WEIGHT = /\((\d+(?:\.\d+)?)分?\)$/;
