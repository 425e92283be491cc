/**
 * Where the parts of a 自评表 sit on its sheet: the locator's answer (positions only, no values), which
 * model/readForm reads. Types live here, beside the locator, so that model/ depends on locate/ and never back.
 */

/**
 * Which funds row: the 年度资金总额 row, one of the rows under it (其中…, 上年结转资金, 其他资金, 单位资金 …), or a
 * 小计 over some of them (rules.md §1.7: a sum to check, not one more part of the total).
 */
export type FundsRowKind = "fundsTotal" | "part" | "subtotal";

/** A part of the form the locator could not find (FIELD_MISSING). */
export interface MissingPart {
  readonly part: string;
  /**
   * `info` for parts many real forms simply do not print (the 评分等级 row, the 总分 row, the goal block, the
   * 分值/得分/执行率 columns); the funds amounts and the indicator table are `error` (rules.md §4).
   */
  readonly severity: "error" | "info";
  /** The cell near which it was expected, when one is known. */
  readonly near?: { readonly sheet: string; readonly row: number; readonly col: number };
  /**
   * The part is there but the reader could not place its headers (rules.md §1.7: our failure, not the form's): said
   * as an info, left unread, and nothing is scored from it.
   */
  readonly unread?: boolean;
}

/**
 * Which form of the cycle a sheet holds (rules.md §7.1): the project's 自评表, its 绩效目标申报表 (declaration), or the
 * department's 部门整体支出绩效自评表 and 目标表.
 */
export type FormKind = "selfEvaluation" | "declaration" | "departmentSelfEvaluation" | "departmentDeclaration";

export const isDeclaration = (kind: FormKind): boolean => kind === "declaration" || kind === "departmentDeclaration";

/**
 * A 申报表's money (rules.md §7.2): not a table of 全年预算数 / 全年执行数 columns but amounts beside their labels —
 * `年度资金总额: | 16`, `其中：财政拨款 | 16`, `其他资金 | 0` — or under a `预算数` heading, with sometimes a 中期
 * (multi-year) total beside the year's.
 */
export interface DeclaredFundsLayout {
  readonly rows: readonly { readonly kind: FundsRowKind; readonly label: Pos; readonly value: Pos }[];
  /** The multi-year total beside the year's (`中期资金总额`, `项目总预算`), read but not one of the year's rows. */
  readonly mediumTerm?: { readonly label: Pos; readonly value: Pos };
}

/** A 1-based position on the form's sheet. */
export interface Pos {
  readonly row: number;
  readonly col: number;
}

/** A label the locator saw where it expected a known one, and could not place (`未识别的表头“…”`). */
export interface UnplacedLabel {
  readonly text: string;
  readonly at: Pos;
  /** Where it was: the funds table's header, an indicator table's header. */
  readonly where: "funds" | "indicators";
}

export interface FundsColumns {
  readonly initialBudget?: number;
  readonly budget: number;
  readonly executed: number;
  readonly weight?: number;
  readonly rate?: number;
  readonly score?: number;
}

/** A weight printed in a label (`预算执行情况(20分)`, `得分(20分*执行率)`, `产出指标(50分)`). */
export interface LabelWeight {
  readonly at: Pos;
  readonly text: string;
  /** Decimal text: "20". */
  readonly weight: string;
}

/**
 * A breakdown of the total typed as `label:amount` in cells under the funds table (the Hunan 部门整体 form:
 * `按收入性质分:2030.12`, `其中: 一般公共预算:1325.68` … beside `按支出性质分:1925.67`, `其中:基本支出:900.47` …): each
 * column a group, its `按…分` cell the head; or as labels and amounts side by side in a row above the table (Hubei).
 */
export interface FundsBreakdown {
  readonly head?: Pos;
  readonly items: readonly BreakdownItem[];
}

/**
 * One part of a breakdown: a `label:amount` cell, or a label with its amount in the next cell (the Hubei 部门整体
 * form's strip above the funds table: `基本支出总额 | 864.2万 | 项目支出总额 | 0`).
 */
export interface BreakdownItem {
  readonly label: Pos;
  /** Where the amount is when it is not after the label's colon. */
  readonly amount?: Pos;
}

export interface FundsLayout {
  readonly headerRow: number;
  /** The breakdowns typed in cells under (or in a strip above) the table (rules.md §7.5), each a group to add up. */
  readonly breakdowns?: readonly FundsBreakdown[];
  /** The column of the row labels (年度资金总额, 其中：…). */
  readonly labelCol: number;
  readonly columns: FundsColumns;
  readonly rows: readonly { readonly kind: FundsRowKind; readonly label: Pos }[];
  /** The 预算执行 分数 printed in a label instead of (or beside) a 分数 column. */
  readonly weightLabel?: LabelWeight;
}

export interface IndicatorColumns {
  readonly level1?: number;
  readonly level2?: number;
  /** 三级指标: the indicator's name. */
  readonly name: number;
  /** One 年度指标值 column, or the split 指标性质 | 指标值 | 度量单位. */
  readonly target: number | { readonly nature?: number; readonly value: number; readonly unit?: number };
  /** 实际完成值: absent on a 申报表 (rules.md §7.2), which declares targets only. */
  readonly actual?: number;
  /** 分值: absent on forms that print weights only in labels, or none at all. */
  readonly weight?: number;
  /** 得分: absent on forms that are read and checked, never scored. */
  readonly score?: number;
  readonly deviation?: number;
}

/** One indicator table: its header row(s), its rows, and the label over the whole block, if any. */
export interface IndicatorBlock {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: IndicatorColumns;
  /** `年度绩效目标(80分)`, `绩效指标(90分)`: the block's label, with its weight when it prints one. */
  readonly label?: { readonly at: Pos; readonly text: string; readonly weight: string | null };
}

export interface FormLayout {
  readonly sheet: string;
  /** Which form of the cycle this is (rules.md §7.1). */
  readonly kind: FormKind;
  /** A 部门整体 自评表's 年度主要任务 (rules.md §7.5). */
  readonly tasks?: { readonly headerRow: number; readonly rows: readonly { readonly name: Pos; readonly budget: Pos; readonly executed?: Pos }[] };
  /** A 申报表's amounts (rules.md §7.2), beside their labels instead of in a funds table. */
  readonly declaredFunds?: DeclaredFundsLayout;
  readonly title?: Pos;
  readonly year?: number;
  readonly projectName?: { readonly label: Pos; readonly value: Pos };
  readonly department?: { readonly label: Pos; readonly value: Pos };
  readonly implementer?: { readonly label: Pos; readonly value: Pos };
  readonly amountUnit: "万元" | "元";
  readonly funds?: FundsLayout;
  readonly goal: { readonly expected?: Pos; readonly actual?: Pos };
  /** The indicator tables, top to bottom (most forms have one). */
  readonly indicatorBlocks: readonly IndicatorBlock[];
  /**
   * The 总分 row; `score` when the total is printed beside its label above the tables (`自评得分 | 98`) instead of in
   * the table's 得分 column.
   */
  readonly totalRow?: { readonly label: Pos; readonly score?: Pos };
  readonly grade?: { readonly label: Pos; readonly value: Pos };
  readonly missing: readonly MissingPart[];
  readonly unplaced: readonly UnplacedLabel[];
}
