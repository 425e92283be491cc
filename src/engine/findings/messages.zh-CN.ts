import { FindingCode, FindingParams } from "./codes";

type Messages = { readonly [C in FindingCode]: (p: FindingParams) => string };

/**
 * Every finding's Chinese text, in the words accountants and reviewers use. A code without a message
 * does not compile. Each says what is wrong, the expected value and what to do.
 */
export const MESSAGES_ZH_CN: Messages = {
  FORM_NOT_FOUND: (p) =>
    p.near
      ? `工作表“${p.sheet}”中有${p.near}等表头，但没有找到完整的项目资金表（全年预算数、全年执行数）或绩效指标表（三级指标、年度指标值、实际完成值）的表头行，无法读取；请检查表头是否齐全`
      : `工作表“${p.sheet}”中没有找到财政项目支出绩效自评表（未找到“全年预算数”或“三级指标”等表头）`,
  FIELD_MISSING: (p) =>
    p.unread === "yes"
      ? `未能读取${p.part}${p.unplaced ? `（未识别的表头：${p.unplaced}）` : ""}：这一部分没有校验，也不据此计分；如果某个表头就是所缺的一项，请用“表头设置”指定它的含义`
      : `${p.form ?? "自评表"}缺少${p.part}${p.unplaced ? `（未识别的表头：${p.unplaced}）` : ""}，无法完整校验；请按标准格式补齐`,
  HEADER_UNRECOGNIZED: (p) => `未识别的表头“${p.text}”（${p.where}），这一列没有读取；如果它是年度指标值、实际完成值、分值、得分等，请改用常用的名称`,
  MERGE_OVERLAP: (p) => `合并单元格 ${p.areas} 与前面的合并区域重叠（文件有损坏，Excel 打开时会提示修复）；已按先出现的合并区域读取，请取消这些合并后重新合并`,
  NUMBER_NEGATIVE: (p) => `${p.what}为负数（${p.value}）：金额、分值和得分不能小于 0，请核对后改正；在改正前不据此计算执行率、得分和总分`,
  VALUE_NOT_NUMBER: (p) => `${p.what}“${p.text}”不是数字，请填写数字（如 97.68），无数据时填写“-”或留空`,
  VALUE_MISSING: (p) => `指标“${p.name}”未填写${p.what}，请补填`,
  FUNDS_SUM_MISMATCH: (p) => `${p.column}：${p.which ?? "年度资金总额"} ${p.total} 不等于${p.which ? "其下" : ""}各项资金之和 ${p.sum}（${p.parts}），请核对`,
  EXEC_RATE_MISMATCH: (p) =>
    p.precision === "yes"
      ? `“${p.label}”执行率填写为 ${p.printed}（即 ${p.declared}%），按两位小数应为 ${p.computed}%（${p.fraction}）；填写值的小数位不够，请按全年执行数 ${p.executed} ÷ 全年预算数 ${p.budget} 填写`
      : p.otherRounding === "yes"
      ? `“${p.label}”执行率填写为 ${p.declared}，按本方案（${p.rounding}）应为 ${p.computed}；填写值是按另一种舍入方式算出的`
      : `“${p.label}”执行率填写为 ${p.declared}，应为 ${p.computed}（全年执行数 ${p.executed} ÷ 全年预算数 ${p.budget}）`,
  BUDGET_SCORE_MISMATCH: (p) =>
    p.otherRounding === "yes"
      ? `预算执行得分填写为 ${p.declared}，按本方案（${p.rounding}）应为 ${p.computed}；填写值是按另一种舍入方式算出的`
      : `预算执行得分填写为 ${p.declared}，应为 ${p.computed}（分数 ${p.weight} × 执行率，执行率最高按 100% 计）`,
  EXEC_RATE_UNDEFINED: (p) =>
    p.total === "yes"
      ? `“${p.label}”的全年预算数和全年执行数都是 0，执行率无法计算（0 ÷ 0），预算执行得分和总分也无法给出；如项目有资金，请填写金额`
      : `“${p.label}”的全年预算数和全年执行数都是 0，执行率无法计算（0 ÷ 0），不填写执行率`,
  EXEC_OVER_BUDGET: (p) => `全年执行数 ${p.executed} 超过全年预算数 ${p.budget}，请核对执行数或说明超支原因`,
  BUDGET_ZERO_WITH_SPENDING: (p) => `全年预算数为 ${p.budget}，但全年执行数为 ${p.executed}，无法计算执行率；请填写全年预算数`,
  BUDGET_ADJUSTED: (p) => `年初预算数 ${p.initial} 与全年预算数 ${p.budget} 不同（预算有调整），执行率按全年预算数计算`,
  AMOUNT_UNIT_SUSPECT: (p) =>
    `金额看来是以“${p.unit}”为单位填写的（${p.amount} 约为${p.what}中 ${p.value} 万元的${p.unit === "元" ? "一万倍" : "同一数值"}），但表头写的是“${p.stated}”；请核对金额单位。成本指标按“${p.unit}”比较`,
  LOW_EXECUTION: (p) => `执行率 ${p.rate}% 低于 ${p.min}%，请在偏差原因中说明资金执行偏低的原因`,
  WEIGHT_SUM_MISMATCH: (p) => `分值合计应为 ${p.expected}，实际为 ${p.sum}（预算执行分数 ${p.budgetWeight} + 各指标分值 ${p.indicatorWeights}），请调整分值`,
  LEVEL1_HEADING_MISMATCH: (p) => `“${p.label}”标明 ${p.heading} 分，但其下${p.under ?? "指标分值"}合计为 ${p.sum}，请核对分值`,
  BUDGET_WEIGHT_NONSTANDARD: (p) => `预算执行分数为 ${p.weight}，标准为 ${p.standard} 分`,
  LEVEL1_WEIGHT_NONSTANDARD: (p) => `${p.level1}分值合计为 ${p.sum}，参考权重为 ${p.standard} 分`,
  LEVEL2_INVALID: (p) => `二级指标“${p.level2}”不属于一级指标“${p.level1}”（应为：${p.allowed}）`,
  MISSING_SATISFACTION: () => `没有满意度指标，请设置服务对象满意度指标`,
  LEVEL1_MISSING: (p) => `没有${p.level1}：每个一级指标下都应至少设置一个三级指标，请补充`,
  SCORE_OUT_OF_RANGE: (p) => `指标“${p.name}”得分 ${p.score} 超出 0～${p.weight} 的范围`,
  TOTAL_MISMATCH: (p) =>
    `总分填写为 ${p.declared}，应为 ${p.computed}（预算执行得分 ${p.budgetScore} + 各指标得分 ${p.indicatorScores}）`,
  GRADE_MISMATCH: (p) => `评分等级填写为“${p.declared}”，总分 ${p.total} 对应的等级应为“${p.computed}”（${p.bands}）`,
  SCORE_RULE_MISMATCH: (p) => `指标“${p.name}”得分 ${p.declared}，按评分规则应为 ${p.expected}（${p.reason}）；如有扣分理由请在偏差原因中说明`,
  DEVIATION_MISSING: (p) => `指标“${p.name}”${p.why}，但未填写偏差原因分析及改进措施`,
  SCORE_NEEDS_JUDGEMENT: (p) => `指标“${p.name}”得分为空，完成情况为“${p.actual}”，需根据完成程度人工评分（${p.band}）`,
  OVERACHIEVED_UNEXPLAINED: (p) => `指标“${p.name}”实际完成值 ${p.actual} 远超年度指标值 ${p.target}（达到 ${p.ratio} 倍），请说明超额原因或检查目标设置是否偏低`,
  TARGET_TRIVIAL: (p) => `指标“${p.name}”的年度指标值“${p.target}”无论完成情况如何都能达成，起不到考核作用，请设置可衡量的目标`,
  TARGET_UNPARSEABLE: (p) => `指标“${p.name}”的年度指标值“${p.target}”像数值目标，但无法读出数字，请改为如“≥95(%)”的格式`,
  TARGET_NOT_QUANTIFIED: (p) => `${p.level}指标“${p.name}”的年度指标值“${p.target}”未量化，建议设置数值目标（如“≥90(%)”）`,
  UNIT_MISMATCH: (p) => `指标“${p.name}”年度指标值单位为“${p.targetUnit}”，实际完成值单位为“${p.actualUnit}”，单位应一致`,
  PERCENT_OUT_OF_RANGE: (p) => `指标“${p.name}”实际完成值 ${p.actual}% 不在 0～100% 之间`,
  COST_INCONSISTENT: (p) => `成本指标“${p.name}”实际完成值为 ${p.actual}，与资金${p.against} ${p.expected} 不一致，请按实际执行情况填写`,
  GOAL_ACTUAL_COPIED: () => `年度总体目标的“实际完成情况”与“预期目标”内容相同，应填写实际完成的情况`,
  GOAL_COPIED_FROM_OTHER_FORM: (p) =>
    `年度总体目标的“实际完成情况”与${p.where}（${p.project}）的“预期目标”相同，像是从其他项目复制而来，请填写本项目的实际完成情况`,
  PROJECT_DUPLICATED: (p) =>
    `项目“${p.project}”在${p.where}也有一张自评表，但数字不同（全年预算数、全年执行数、总分：本表 ${p.mine}，另一张 ${p.theirs}），请确认哪一张是正确的`,
  INDICATORS_COPIED_FROM_OTHER_FORM: (p) =>
    `有 ${p.count} 个指标（如“${p.name}”）的名称、年度指标值和实际完成值与${p.where}（${p.project}）的完全相同，像是从其他项目复制而来，请按本项目的实际情况填写`,
  GOAL_MISSING: (p) => `年度总体目标的“${p.which}”未填写`,
  TARGET_CHANGED_FROM_DECLARATION: (p) =>
    `指标“${p.name}”的年度指标值为“${p.now}”，与${p.where}中申报的“${p.declared}”不同（申报 ${p.declared} → 自评 ${p.now}）；自评应按申报的目标填写和计分，调整目标须有批准依据`,
  INDICATOR_DROPPED: (p) => `${p.where}中申报的指标“${p.name}”（年度指标值“${p.target}”）在自评表中没有，请补上并按申报的目标自评`,
  INDICATOR_ADDED: (p) => `指标“${p.name}”不在${p.where}中，是申报之后增加的；请确认是否经过批准`,
  BUDGET_DIFFERS_FROM_DECLARATION: (p) => `年初预算数 ${p.now} 与${p.where}中申报的年度资金总额 ${p.declared} 不同，请核对`,
  FORMULA_DISAGREES: (p) => `${p.what}的公式结果为 ${p.result}，按评分规则应为 ${p.computed}；公式未被改写，请检查公式`,
};
