/**
 * Where the parts of a 自评表 sit on its sheet: the locator's answer (positions only, no values), which
 * model/readForm reads. Types live here, beside the locator, so that model/ depends on locate/ and never back.
 */

/** Which funds row: the 年度资金总额 row, or one of the rows under it. */
export type FundsRowKind = "fundsTotal" | "fiscal" | "carryover" | "other";

/** A part of the form the locator could not find (FIELD_MISSING). */
export interface MissingPart {
  readonly part: string;
  /**
   * `info` for parts many real forms simply do not print (the 评分等级 row, the 总分 row, the goal block); the funds
   * amounts and the indicator table are `error` (rules.md §4).
   */
  readonly severity: "error" | "info";
  /** The cell near which it was expected, when one is known. */
  readonly near?: { readonly sheet: string; readonly row: number; readonly col: number };
}

/** A 1-based position on the form's sheet. */
export interface Pos {
  readonly row: number;
  readonly col: number;
}

export interface FundsColumns {
  readonly initialBudget?: number;
  readonly budget: number;
  readonly executed: number;
  readonly weight?: number;
  readonly rate?: number;
  readonly score?: number;
}

export interface IndicatorColumns {
  readonly level1?: number;
  readonly level2?: number;
  readonly name: number;
  /** One 年度指标值 column, or the split 指标性质 | 指标值 | 度量单位. */
  readonly target: number | { readonly nature?: number; readonly value: number; readonly unit?: number };
  readonly actual: number;
  readonly weight: number;
  readonly score: number;
  readonly deviation?: number;
}

/** Where the parts of a 自评表 sit on its sheet: the locator's answer, read by readForm(). */
export interface FormLayout {
  readonly sheet: string;
  readonly title?: Pos;
  readonly year?: number;
  readonly projectName?: { readonly label: Pos; readonly value: Pos };
  readonly department?: { readonly label: Pos; readonly value: Pos };
  readonly implementer?: { readonly label: Pos; readonly value: Pos };
  readonly amountUnit: "万元" | "元";
  readonly funds?: {
    readonly headerRow: number;
    readonly columns: FundsColumns;
    readonly rows: readonly { readonly kind: FundsRowKind; readonly label: Pos }[];
  };
  readonly goal: { readonly expected?: Pos; readonly actual?: Pos };
  readonly indicators?: {
    readonly headerRow: number;
    readonly firstRow: number;
    readonly lastRow: number;
    readonly columns: IndicatorColumns;
  };
  /** The 总分 row. */
  readonly totalRow?: { readonly label: Pos };
  readonly grade?: { readonly label: Pos; readonly value: Pos };
  readonly missing: readonly MissingPart[];
}
