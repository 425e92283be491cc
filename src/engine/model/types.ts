import { CellRef } from "../grid/cellRef";
import { NumberReading } from "./readNumber";
import { Dec } from "../number/decimal";
import { Actual, Target } from "./parseTarget";
import { FormKind, FundsRowKind, MissingPart, UnplacedLabel } from "../locate/layout";
import type { Level1Kind } from "../vocabulary";

export type { FormKind, FundsRowKind, MissingPart, Level1Kind, UnplacedLabel };

/** A number read from the form, with the cell it came from. */
export interface NumberCell {
  readonly cell: CellRef;
  readonly reading: NumberReading;
  /** The cell's formula (without "="), when it holds one: the engine never writes over it. */
  readonly formula?: string;
  readonly numberFormat?: string;
  /** Display text of the raw value, for messages. */
  readonly text: string;
}

/** Text read from the form, with its cell. */
export interface TextCell {
  readonly cell: CellRef;
  readonly text: string;
  readonly formula?: string;
}

export interface FundsRow {
  readonly kind: FundsRowKind;
  readonly label: TextCell;
  readonly initialBudget?: NumberCell;
  readonly budget: NumberCell;
  readonly executed: NumberCell;
  /** 分数 — only on the 年度资金总额 row. */
  readonly weight?: NumberCell;
  /** 执行率, in percent units (93.77) whatever the cell's format. */
  readonly rate?: NumberCell;
  /** 预算执行得分 — only on the 年度资金总额 row. */
  readonly score?: NumberCell;
}

export interface Indicator {
  readonly row: number;
  readonly level1: TextCell;
  readonly level1Kind: Level1Kind;
  readonly level2: TextCell;
  readonly name: TextCell;
  readonly targetText: TextCell;
  readonly target: Target;
  readonly actualText: TextCell;
  readonly actual: Actual;
  /** 分值; absent when the table has no 分值 column. */
  readonly weight?: NumberCell;
  /** 得分; absent when the table has no 得分 column. */
  readonly score?: NumberCell;
  readonly deviation?: TextCell;
  /** Which indicator table (0 for the first) the row belongs to. */
  readonly block: number;
  /** How many `其中…` detail rows follow it (read, never scored or checked on their own). */
  readonly details: number;
}

/** A 一级 label that prints its own weight: `产出指标(50分)`. */
export interface Level1Heading {
  readonly kind: Level1Kind;
  readonly label: TextCell;
  readonly weight: Dec;
  readonly block: number;
}

/** One indicator table as read: the label over it (and the weight it prints), and which columns it has. */
export interface IndicatorBlockModel {
  readonly headerRow: number;
  readonly label?: TextCell;
  /** `年度绩效目标(80分)` → 80; null when the label prints no weight. */
  readonly weight: Dec | null;
  readonly hasWeightColumn: boolean;
  readonly hasScoreColumn: boolean;
}

/** A breakdown of the total typed as `label:amount` cells (FundsBreakdown): its head and items, each label and amount. */
export interface FundsBreakdownModel {
  readonly head?: { readonly label: TextCell; readonly amount: NumberCell };
  readonly items: readonly { readonly label: TextCell; readonly amount: NumberCell }[];
}

/** A 申报表's amount beside its label (rules.md §7.2): the year's total or one of its parts. */
export interface DeclaredFundsRow {
  readonly kind: FundsRowKind;
  readonly label: TextCell;
  readonly amount: NumberCell;
}

export interface FormModel {
  readonly sheet: string;
  /** Which form of the cycle (rules.md §7.1). */
  readonly kind: FormKind;
  /** The total's breakdowns typed in cells under the funds table (a Hunan 部门整体 form), each to add up. */
  readonly fundsBreakdowns: readonly FundsBreakdownModel[];
  /** A 申报表's year amounts (empty on a 自评表, whose money is in `funds`). */
  readonly declaredFunds: readonly DeclaredFundsRow[];
  /** A 部门整体 自评表's 年度主要任务 (rules.md §7.5): each with its 预算数 and 执行数. */
  readonly tasks: readonly { readonly name: TextCell; readonly budget: NumberCell; readonly executed?: NumberCell }[];
  /** A 申报表's multi-year total beside the year's (`中期资金总额`), when it prints one. */
  readonly mediumTermFunds?: { readonly label: TextCell; readonly amount: NumberCell };
  readonly title?: TextCell;
  readonly year?: number;
  readonly projectName?: TextCell;
  readonly department?: TextCell;
  readonly implementer?: TextCell;
  /** The unit the funds header names: 万元 (the usual) or 元. */
  readonly amountUnit: "万元" | "元";
  readonly funds: readonly FundsRow[];
  readonly goal: { readonly expected?: TextCell; readonly actual?: TextCell };
  readonly indicators: readonly Indicator[];
  readonly level1Headings: readonly Level1Heading[];
  readonly indicatorBlocks: readonly IndicatorBlockModel[];
  /** The 预算执行 分数 as a label prints it (`得分(20分*执行率)`, `预算执行情况(20分)`). */
  readonly budgetWeightLabel?: { readonly label: TextCell; readonly weight: Dec };
  /** The 总分 row: its label, its 分值 (the total weight) and its 得分 (the total score). */
  readonly totalRow?: { readonly label: TextCell; readonly weight?: NumberCell; readonly score?: NumberCell };
  readonly grade?: { readonly label: TextCell; readonly value: TextCell };
  readonly missing: readonly MissingPart[];
  /** Header labels the locator could not place. */
  readonly unplaced: readonly UnplacedLabel[];
}
