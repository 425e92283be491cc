import type { FindingReport } from "../engine";

/** Every text the pane shows, in one table (Chinese). */
export const T = {
  appTitle: "自评表助手",
  fileModeHint: "未在 Excel 中运行：请选择一个 .xlsx 文件，在浏览器中校验并计分（文件不会上传）。",
  excelModeHint: "校验当前工作表中的项目支出绩效自评表。",
  profile: "评分规则",
  chooseFile: "选择 .xlsx 文件…",
  noFile: "尚未选择文件",
  check: "校验并计分",
  write: "写入计算结果",
  clear: "清除标注",
  undo: "撤销上次写入",
  download: "下载已计分副本",
  templates: "模板",
  newTemplate: "新建自评表",
  nextYearTemplate: "生成下年度模板",
  making: "正在生成…",
  templateAdded: (sheet: string, year: number) => `已新建工作表“${sheet}”（${year} 年度）：公式会自动计算执行率、得分、总分和评分等级。`,
  templateDownloaded: (name: string) => `已生成“${name}”，请在下载中查看。`,
  checking: "正在校验…",
  writing: "正在写入…",
  clearing: "正在清除标注…",
  undoing: "正在撤销…",
  loadingFile: "正在读取文件…",
  saving: "正在保存…",
  emptyExcel: "点击“校验并计分”检查当前工作表。结果会显示在这里，有问题的单元格会在表中标注颜色。",
  emptyFile: "选择文件后点击“校验并计分”。",
  totalScore: "总分",
  grade: "评分等级",
  rate: "执行率",
  budgetScore: "预算执行得分",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  noFindings: "没有发现问题。",
  findings: "问题清单",
  calculation: "计算",
  cells: "单元格",
  sheet: "工作表",
  notAForm: "不是自评表",
  goToCell: (a1: string) => `在 Excel 中选中单元格 ${a1}`,
  pending: (n: number) => (n > 0 ? `有 ${n} 个计算结果与表中不同或为空，可点击“写入计算结果”写入（不会覆盖公式和已填写的得分）。` : "表中的计算结果都与校验结果一致。"),
  written: (n: number) => (n > 0 ? `已写入 ${n} 个单元格。可点击“撤销上次写入”恢复。` : "没有需要写入的单元格。"),
  highlighted: (n: number) => (n > 0 ? `已在表中标注 ${n} 个单元格。` : ""),
  cleared: (n: number) => (n > 0 ? `已清除 ${n} 处标注。` : "表中没有本助手的标注。"),
  undone: (restored: number, skipped: number) =>
    `已恢复 ${restored} 个单元格。${skipped > 0 ? `另有 ${skipped} 个单元格在写入后被修改过，保持不变。` : ""}`,
  fileScored: (name: string, written: number, highlighted: number) =>
    `已生成已计分副本“${name}”：写入 ${written} 个单元格，标注 ${highlighted} 个单元格。原文件未改动。`,
  fileCell: (sheet: string, a1: string) => `单元格 ${sheet}!${a1}：文件模式下无法跳转，请在下载的已计分副本中查看（已标注颜色）。`,
  unexpected: (detail: string) => `发生意外错误：${detail}`,
  stale: (profile: string) => `下面的结果是按评分方案“${profile}”计算的，与当前选择的评分方案不同。请重新点击“校验并计分”。`,
} as const;

export const SEVERITY_LABEL: Record<FindingReport["severity"], string> = { error: "错误", warning: "警告", info: "提示" };

/** Parts of the form, in the order the pane lists them. */
export const PART_LABEL: Record<string, string> = { funds: "资金", indicators: "指标", total: "总分与等级", goal: "目标", form: "表格" };
export const PART_ORDER = ["funds", "indicators", "total", "goal", "form"] as const;
