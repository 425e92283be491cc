import { toA1 } from "../grid/cellRef";
import { CellValue, MergeArea } from "../grid/grid";
import { Profile } from "../profiles/profile";
import { D } from "../number/decimal";
import { CellStyle, DataValidationSpec, SheetSpec, SpecCell } from "../sheet/sheetSpec";
import { LEVEL1_KINDS, LEVELS } from "../vocabulary";
import {
  budgetScoreFormula,
  executionRateFormula,
  gradeFormula,
  totalScoreFormula,
  totalWeightFormula,
} from "./formulas";

/** One indicator row of a template: what is kept from year to year. */
export interface TemplateIndicator {
  readonly level1: string;
  readonly level2: string;
  readonly name: CellValue;
  readonly target: CellValue;
  /** 分值: a number, or the text the old form held when it was not one. */
  readonly weight: CellValue;
}

/** Everything a template carries over; amounts, actuals, 得分, 偏差原因 and 实际完成情况 are always blank. */
export interface FormContent {
  readonly title: string;
  readonly year: number;
  readonly projectName: CellValue;
  readonly department: CellValue;
  readonly implementer: CellValue;
  readonly amountUnit: "万元" | "元";
  /** 分数 of the 年度资金总额 row. */
  readonly budgetWeight: CellValue;
  readonly goalExpected: CellValue;
  readonly indicators: readonly TemplateIndicator[];
  /**
   * The funds rows, the total first, with their 年初预算数 (a 申报表's declared amounts, rules.md §7.3); the standard
   * four rows, blank, when absent.
   */
  readonly fundsRows?: readonly { readonly label: string; readonly initialBudget: CellValue }[];
  /** The label of the name: 项目名称, or 部门名称 on a 部门整体 form. */
  readonly nameLabel?: string;
}

/** The standard 一级 → 二级 labels (rules.md §1), offered as drop-down lists. */
export const LEVEL2_BY_LEVEL1: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(LEVEL1_KINDS.map((k) => [LEVELS[k].name, LEVELS[k].level2])),
);

/** Logical columns, as on the printed seed forms. */
const COL = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9 } as const;
const LAST_COL = COL.I;
const FUNDS_HEADER_ROW = 5;
export const STANDARD_FUNDS_LABELS = ["年度资金总额：", "其中：当年财政拨款", "上年结转资金", "其他资金"] as const;
/** A 部门整体 form's money by economic class (rules.md §7.5): 基本支出 (人员经费 + 公用经费) and 项目支出. */
export const DEPARTMENT_FUNDS_LABELS = ["年度资金总额：", "其中：基本支出", "人员经费", "公用经费", "项目支出"] as const;
const COLUMN_WIDTHS = [8, 10, 16, 14, 14, 14, 10, 10, 22];

const AMOUNT_FORMAT = "#,##0.00";
const TWO_DECIMALS = "0.00";

const BOX: CellStyle = { border: true, wrap: true, vertical: "middle" };
const LABEL: CellStyle = { ...BOX, horizontal: "center" };
const HEADER: CellStyle = { ...LABEL, bold: true };
const TEXT: CellStyle = { ...BOX, horizontal: "left" };
const NUMBER: CellStyle = { ...BOX, horizontal: "right" };
const PROSE: CellStyle = { border: true, wrap: true, vertical: "top", horizontal: "left" };

/** A number (or other value) as given, a weight string as a number. */
function weightValue(weight: CellValue): CellValue {
  return typeof weight === "string" && /^\d+(\.\d+)?$/.test(weight.trim()) ? new D(weight.trim()).toNumber() : weight;
}

/** Σ of the numeric weights, exactly (the cached result of the 总分 row's 分值 formula). */
function weightSum(values: readonly CellValue[]): number {
  return values.reduce<InstanceType<typeof D>>((sum, v) => (typeof v === "number" ? sum.plus(new D(v)) : sum), new D(0)).toNumber();
}

/** Consecutive runs of equal keys: [first index, last index]. */
function runs<T>(items: readonly T[], key: (item: T) => string): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    if (i > 0 && key(items[i - 1]) === key(item)) out[out.length - 1][1] = i;
    else out.push([i, i]);
  });
  return out;
}

/**
 * Lay out a 自评表 as the seed forms print it (logical columns A..I), with live formulas for every derived
 * cell, borders, widths, number formats, validations and an A4 fit-to-width print setup. The one layout
 * behind both the new-project template and next year's form.
 */
export function layoutFormSheet(content: FormContent, profile: Profile, sheetName: string): SheetSpec {
  const cells = new Map<string, SpecCell>();
  const merges: MergeArea[] = [];
  const validations: DataValidationSpec[] = [];
  const put = (row: number, col: number, value: CellValue, style: CellStyle, extra: Partial<SpecCell> = {}) => {
    cells.set(`${row},${col}`, { row, col, value, style, ...extra });
  };
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const a1 = (row: number, col: number) => toA1({ row, col });

  const fundsRows = content.fundsRows ?? STANDARD_FUNDS_LABELS.map((label) => ({ label, initialBudget: null }));
  // the goal block and the indicator table follow the funds rows (four on most forms)
  const GOAL_ROW = FUNDS_HEADER_ROW + fundsRows.length + 1;
  const INDICATOR_HEADER_ROW = GOAL_ROW + 4;
  const FIRST_INDICATOR_ROW = INDICATOR_HEADER_ROW + 1;
  const indicators = content.indicators.length > 0 ? content.indicators : [{ level1: "", level2: "", name: null, target: null, weight: null }];
  const lastIndicatorRow = FIRST_INDICATOR_ROW + indicators.length - 1;
  const totalRow = lastIndicatorRow + 1;
  const gradeRow = totalRow + 1;

  // Every cell of the table gets its border first, so merged areas are boxed whatever writes them.
  for (let r = 3; r <= gradeRow; r++) for (let c = 1; c <= LAST_COL; c++) put(r, c, null, BOX);

  put(1, COL.A, content.title, { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" });
  merge(1, COL.A, 1, LAST_COL);
  put(2, COL.A, `（${content.year} 年度）`, { horizontal: "center", vertical: "middle" });
  merge(2, COL.A, 2, LAST_COL);

  put(3, COL.A, content.nameLabel ?? "项目名称", LABEL);
  merge(3, COL.A, 3, COL.B);
  put(3, COL.C, content.projectName, TEXT);
  merge(3, COL.C, 3, LAST_COL);
  put(4, COL.A, "主管部门", LABEL);
  merge(4, COL.A, 4, COL.B);
  put(4, COL.C, content.department, TEXT);
  merge(4, COL.C, 4, COL.E);
  put(4, COL.F, "实施单位", LABEL);
  merge(4, COL.F, 4, COL.G);
  put(4, COL.H, content.implementer, TEXT);
  merge(4, COL.H, 4, LAST_COL);

  // 项目资金: D 年初预算数 | E 全年预算数 | F 全年执行数 | G 分数 | H 执行率(%) | I 得分
  const fundsTop = FUNDS_HEADER_ROW;
  const fundsBottom = fundsTop + fundsRows.length;
  put(fundsTop, COL.A, `项目资金（${content.amountUnit}）`, LABEL);
  merge(fundsTop, COL.A, fundsBottom, COL.B);
  ["年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"].forEach((h, i) => put(fundsTop, COL.D + i, h, HEADER));
  const fundsTotalRow = fundsTop + 1;
  fundsRows.forEach(({ label, initialBudget }, i) => {
    const r = fundsTop + 1 + i;
    put(r, COL.C, label, TEXT);
    for (const c of [COL.D, COL.E, COL.F]) put(r, c, c === COL.D ? initialBudget : null, NUMBER, { numberFormat: AMOUNT_FORMAT });
    const rate = executionRateFormula(a1(r, COL.E), a1(r, COL.F), profile);
    put(r, COL.H, "", NUMBER, { formula: rate, numberFormat: TWO_DECIMALS });
    if (r === fundsTotalRow) {
      put(r, COL.G, weightValue(content.budgetWeight), NUMBER, { numberFormat: TWO_DECIMALS });
      const score = budgetScoreFormula(a1(r, COL.G), a1(r, COL.E), a1(r, COL.F), profile);
      put(r, COL.I, "", NUMBER, { formula: score, numberFormat: TWO_DECIMALS });
    } else {
      put(r, COL.G, "-", LABEL);
      put(r, COL.I, "-", LABEL);
    }
  });
  const unit = content.amountUnit;
  validations.push({ kind: "decimal", range: { top: fundsTop + 1, left: COL.D, bottom: fundsBottom, right: COL.F }, min: "0", prompt: `金额请输入不小于 0 的数字（${unit}）` });
  validations.push({ kind: "decimal", range: { top: fundsTotalRow, left: COL.G, bottom: fundsTotalRow, right: COL.G }, min: "0", prompt: "分数请输入不小于 0 的数字" });

  // 年度总体目标: 预期目标 (kept) | 实际完成情况 (blank)
  put(GOAL_ROW, COL.A, "年度总体目标", LABEL);
  merge(GOAL_ROW, COL.A, GOAL_ROW + 3, COL.A);
  put(GOAL_ROW, COL.B, "预期目标", HEADER);
  merge(GOAL_ROW, COL.B, GOAL_ROW, COL.E);
  put(GOAL_ROW, COL.F, "实际完成情况", HEADER);
  merge(GOAL_ROW, COL.F, GOAL_ROW, LAST_COL);
  put(GOAL_ROW + 1, COL.B, content.goalExpected, PROSE);
  merge(GOAL_ROW + 1, COL.B, GOAL_ROW + 3, COL.E);
  put(GOAL_ROW + 1, COL.F, null, PROSE);
  merge(GOAL_ROW + 1, COL.F, GOAL_ROW + 3, LAST_COL);

  // 绩效指标
  const h = INDICATOR_HEADER_ROW;
  ["一级指标", "二级指标", "三级指标", null, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"].forEach(
    (label, i) => label !== null && put(h, COL.A + i, label, HEADER),
  );
  merge(h, COL.C, h, COL.D);
  for (const [from, to] of runs(indicators, (x) => x.level1)) {
    put(FIRST_INDICATOR_ROW + from, COL.A, indicators[from].level1, LABEL);
    merge(FIRST_INDICATOR_ROW + from, COL.A, FIRST_INDICATOR_ROW + to, COL.A);
  }
  for (const [from, to] of runs(indicators, (x) => `${x.level1}\u0000${x.level2}`)) {
    put(FIRST_INDICATOR_ROW + from, COL.B, indicators[from].level2, LABEL);
    merge(FIRST_INDICATOR_ROW + from, COL.B, FIRST_INDICATOR_ROW + to, COL.B);
  }
  const weights: CellValue[] = [];
  indicators.forEach((ind, i) => {
    const r = FIRST_INDICATOR_ROW + i;
    put(r, COL.C, ind.name, TEXT);
    merge(r, COL.C, r, COL.D);
    put(r, COL.E, ind.target, LABEL);
    put(r, COL.F, null, LABEL);
    const weight = weightValue(ind.weight);
    weights.push(weight);
    put(r, COL.G, weight, NUMBER, { numberFormat: TWO_DECIMALS });
    put(r, COL.H, null, NUMBER, { numberFormat: TWO_DECIMALS });
    put(r, COL.I, null, TEXT);
    validations.push({
      kind: "decimal",
      range: { top: r, left: COL.H, bottom: r, right: COL.H },
      min: "0",
      maxFormula: a1(r, COL.G),
      prompt: "得分应为 0 到本行分值之间的数字",
    });
  });
  const indicatorRows = (col: number) => ({ top: FIRST_INDICATOR_ROW, left: col, bottom: lastIndicatorRow, right: col });
  validations.push({ kind: "decimal", range: indicatorRows(COL.G), min: "0", prompt: "分值请输入不小于 0 的数字" });
  validations.push({ kind: "list", range: indicatorRows(COL.A), items: Object.keys(LEVEL2_BY_LEVEL1), prompt: "请选择一级指标" });
  validations.push({ kind: "list", range: indicatorRows(COL.B), items: Object.values(LEVEL2_BY_LEVEL1).flat(), prompt: "请选择二级指标" });

  // 总分 and 评分等级
  const range = (col: number) => `${a1(FIRST_INDICATOR_ROW, col)}:${a1(lastIndicatorRow, col)}`;
  put(totalRow, COL.A, "总分", HEADER);
  merge(totalRow, COL.A, totalRow, COL.F);
  put(totalRow, COL.G, weightSum([weightValue(content.budgetWeight), ...weights]), NUMBER, {
    formula: totalWeightFormula(a1(fundsTotalRow, COL.G), range(COL.G)),
    numberFormat: TWO_DECIMALS,
  });
  put(totalRow, COL.H, "", NUMBER, { formula: totalScoreFormula(a1(fundsTotalRow, COL.I), range(COL.H)), numberFormat: TWO_DECIMALS });
  put(gradeRow, COL.A, "评分等级", HEADER);
  merge(gradeRow, COL.A, gradeRow, COL.B);
  put(gradeRow, COL.C, "", LABEL, { formula: gradeFormula(a1(totalRow, COL.H), profile) });
  merge(gradeRow, COL.C, gradeRow, LAST_COL);

  const rowHeights = [
    { row: 1, height: 30 },
    ...[1, 2, 3].map((i) => ({ row: GOAL_ROW + i, height: 36 })),
    ...indicators.map((_, i) => ({ row: FIRST_INDICATOR_ROW + i, height: 30 })),
  ];
  // A merged area looks like its top-left cell: its other cells take that cell's style and format.
  for (const m of merges) {
    const anchor = cells.get(`${m.top},${m.left}`)!;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) put(r, c, null, anchor.style ?? BOX, anchor.numberFormat ? { numberFormat: anchor.numberFormat } : {});
      }
    }
  }
  return {
    name: sheetName,
    cells: [...cells.values()],
    merges,
    columnWidths: COLUMN_WIDTHS.map((width, i) => ({ col: i + 1, width })),
    rowHeights,
    validations,
    printFitWidth: true,
  };
}
