import { CellRef } from "../grid/cellRef";
import { NumberReading } from "./readNumber";
import { Dec } from "../number/decimal";
import { Actual, Target } from "./parseTarget";
import { FundsRowKind, MissingPart } from "../locate/layout";
import type { Level1Kind } from "../vocabulary";

export type { FundsRowKind, MissingPart, Level1Kind };

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
  readonly weight: NumberCell;
  readonly score: NumberCell;
  readonly deviation?: TextCell;
}

/** A 一级 label that prints its own weight: `产出指标(50分)`. */
export interface Level1Heading {
  readonly kind: Level1Kind;
  readonly label: TextCell;
  readonly weight: Dec;
}

export interface FormModel {
  readonly sheet: string;
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
  /** The 总分 row: its label, its 分值 (the total weight) and its 得分 (the total score). */
  readonly totalRow?: { readonly label: TextCell; readonly weight: NumberCell; readonly score: NumberCell };
  readonly grade?: { readonly label: TextCell; readonly value: TextCell };
  readonly missing: readonly MissingPart[];
}
