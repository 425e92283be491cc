import { CellRef } from "../grid/cellRef";
import { Level1Kind, FormModel, NumberCell, TextCell } from "../model/types";
import { D, Dec } from "../number/decimal";

/**
 * The weights of a form, wherever it prints them (rules.md §1.6): a 分值 column, the 一级 labels (`产出指标(60分)`),
 * the block labels (`年度绩效目标(80分)`), and the 预算执行 分数 (a cell, a label, or the profile's). When they
 * disagree — with each other, with the rows under them, or with the 总分 row's 分值 — the form does not add up at its
 * root and gets no verdict (rules.md §5).
 */
export type WeightsFrom = "column" | "level1Labels" | "blockLabels" | "none";

export type WeightDisagreement =
  /** 分数 + the indicators' weights ≠ the 总分 row's 分值 (100 when it prints none). */
  | { readonly kind: "sum"; readonly expected: Dec; readonly sum: Dec; readonly indicatorWeights: Dec; readonly cell?: CellRef }
  /** A label's weight ≠ what is under it: its rows' 分值, or (for a block label) its 一级 labels. */
  | { readonly kind: "heading"; readonly label: TextCell; readonly heading: Dec; readonly sum: Dec; readonly under: "rows" | "level1" };

export interface WeightStructure {
  readonly from: WeightsFrom;
  /** Σ of the indicators' weights from the finest level printed; null when the form prints none. */
  readonly indicatorSum: Dec | null;
  /** 分数 + indicatorSum (分数 alone when the form prints no indicator weights). */
  readonly sum: Dec;
  readonly disagreements: readonly WeightDisagreement[];
}

const declared = (c: NumberCell | undefined): Dec | null => (c?.reading.kind === "number" ? c.reading.value : null);

/** Σ of the row weights of the indicators matching `keep`, or null when none of them prints a weight. */
function rowSum(model: FormModel, keep: (block: number, kind: Level1Kind) => boolean): Dec | null {
  let sum: Dec | null = null;
  for (const i of model.indicators) {
    const w = declared(i.weight);
    if (w !== null && keep(i.block, i.level1Kind)) sum = (sum ?? new D(0)).plus(w);
  }
  return sum;
}

export function weightStructure(model: FormModel, budgetWeight: Dec): WeightStructure {
  const disagreements: WeightDisagreement[] = [];
  // a table with a 分值 column and no indicator under it weighs 0 (a copy cut after its header)
  const emptyTable = model.indicators.length === 0 && model.indicatorBlocks.some((b) => b.hasWeightColumn);
  const hasRowWeights = emptyTable || model.indicators.some((i) => declared(i.weight) !== null);

  // 一级 labels against their rows
  for (const h of model.level1Headings) {
    const sum = rowSum(model, (b, k) => b === h.block && k === h.kind);
    if (hasRowWeights && !(sum ?? new D(0)).equals(h.weight)) disagreements.push({ kind: "heading", label: h.label, heading: h.weight, sum: sum ?? new D(0), under: "rows" });
  }
  // block labels against their 一级 labels, or their rows when no 一级 label prints a weight
  const blockSums: Dec[] = [];
  model.indicatorBlocks.forEach((b, index) => {
    const headings = model.level1Headings.filter((h) => h.block === index);
    const rows = rowSum(model, (bi) => bi === index);
    const level1 = headings.length ? headings.reduce((s, h) => s.plus(h.weight), new D(0)) : null;
    if (b.weight && b.label) {
      if (level1 !== null && !level1.equals(b.weight)) disagreements.push({ kind: "heading", label: b.label, heading: b.weight, sum: level1, under: "level1" });
      else if (level1 === null && hasRowWeights && !(rows ?? new D(0)).equals(b.weight)) disagreements.push({ kind: "heading", label: b.label, heading: b.weight, sum: rows ?? new D(0), under: "rows" });
    }
    const finest = hasRowWeights ? (rows ?? (emptyTable ? new D(0) : null)) : (level1 ?? b.weight);
    if (finest !== null) blockSums.push(finest);
  });

  const from: WeightsFrom = hasRowWeights
    ? "column"
    : model.level1Headings.length
      ? "level1Labels"
      : model.indicatorBlocks.some((b) => b.weight)
        ? "blockLabels"
        : "none";
  const indicatorSum = from === "none" ? null : blockSums.reduce((s, x) => s.plus(x), new D(0));
  const sum = budgetWeight.plus(indicatorSum ?? 0);
  const printed = declared(model.totalRow?.weight);
  const expected = printed ?? new D(100);
  if (indicatorSum !== null && model.indicatorBlocks.length > 0 && !sum.equals(expected)) {
    const cell = model.totalRow?.weight?.cell ?? model.funds.find((f) => f.kind === "fundsTotal")?.weight?.cell;
    disagreements.push({ kind: "sum", expected, sum, indicatorWeights: indicatorSum, ...(cell ? { cell } : {}) });
  }
  return { from, indicatorSum, sum, disagreements };
}
