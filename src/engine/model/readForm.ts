import { cellRef, sameCell } from "../grid/cellRef";
import { anchorOf, Grid, rawCell, valueText } from "../grid/grid";
import { normalizeLabel } from "../grid/normalizeLabel";
import { FormLayout, IndicatorColumns, Pos } from "../locate/layout";
import { isLevel1Name, isNoneMark, level1KindOf, level1KindOfLevel2, PLACEHOLDER_NAME } from "../vocabulary";
import { labelCore } from "../vocabulary/match";
import { D } from "../number/decimal";
import { parseActual, parseTarget } from "./parseTarget";
import { parseNumberText, readNumber, readPercent } from "./readNumber";
import { BREAKDOWN_CELL } from "../locate/fundsTable";
import { FormModel, FundsRow, Indicator, IndicatorBlockModel, Level1Heading, NumberCell, TextCell } from "./types";

function textAt(grid: Grid, pos: Pos, visible = false): TextCell {
  const at = visible ? anchorOf(grid, pos.row, pos.col) : cellRef(grid.sheet, pos.row, pos.col);
  const cell = rawCell(grid, at.row, at.col);
  return { cell: at, text: valueText(cell?.value).trim(), formula: cell?.formula };
}

function numberAt(grid: Grid, row: number, col: number, percent = false): NumberCell {
  const at = anchorOf(grid, row, col);
  const cell = rawCell(grid, at.row, at.col);
  return {
    cell: at,
    reading: percent ? readPercent(cell) : readNumber(cell),
    formula: cell?.formula,
    numberFormat: cell?.numberFormat,
    text: valueText(cell?.value).trim(),
  };
}

function readFunds(grid: Grid, layout: FormLayout): FundsRow[] {
  if (!layout.funds) return [];
  const { columns, rows } = layout.funds;
  return rows.map(({ kind, label }) => {
    const r = label.row;
    const isTotal = kind === "fundsTotal";
    return {
      kind,
      label: textAt(grid, label, true),
      initialBudget: columns.initialBudget !== undefined ? numberAt(grid, r, columns.initialBudget) : undefined,
      budget: numberAt(grid, r, columns.budget),
      executed: numberAt(grid, r, columns.executed),
      weight: isTotal && columns.weight !== undefined ? numberAt(grid, r, columns.weight) : undefined,
      rate: columns.rate !== undefined ? numberAt(grid, r, columns.rate, true) : undefined,
      score: isTotal && columns.score !== undefined ? numberAt(grid, r, columns.score) : undefined,
    };
  });
}

/** A `label:amount` cell (`其中:基本支出:900.47`) as its label and its amount, both of that cell. */
function breakdownCell(grid: Grid, pos: Pos): { label: TextCell; amount: NumberCell } {
  const text = textAt(grid, pos, true);
  const m = BREAKDOWN_CELL.exec(text.text.replace(/\s+/g, ""));
  const amount = m?.[2] ? parseNumberText(m[2]) : null;
  return {
    label: { ...text, text: m?.[1] ?? text.text },
    amount: { cell: text.cell, reading: amount ? { kind: "number", value: amount } : { kind: "none" }, text: m?.[2] ?? "" },
  };
}

/** Target text of a row: one cell, or the split 指标性质 + 指标值 + (度量单位). */
function targetTextAt(grid: Grid, row: number, target: IndicatorColumns["target"]): TextCell {
  if (typeof target === "number") return textAt(grid, { row, col: target }, true);
  const value = textAt(grid, { row, col: target.value }, true);
  // a part merged with the value (`无` across 性质, 值 and 单位) is the value itself, said once
  const part = (col: number | undefined) => {
    if (col === undefined) return "";
    const t = textAt(grid, { row, col }, true);
    return sameCell(t.cell, value.cell) ? "" : t.text;
  };
  const unit = part(target.unit);
  const nature = part(target.nature);
  // only a sign is a sign: `定性`, `正向指标`, `是/否` say the kind of target, the value is the target
  const sign = /^([<>=≥≤≧≦﹦═＞＜]=?|大于|小于|等于|不低于|不高于|不少于|不超过)/.test(nature) ? nature : "";
  const text = `${sign}${value.text}${unit && value.text && !value.text.endsWith(unit) ? `(${unit})` : ""}`;
  return { cell: value.cell, text, formula: value.formula };
}

/** What a row of an indicator table is: an indicator, a `其中…` detail of the one above, or nothing to read. */
type RowKind = "indicator" | "detail" | "skip";

const DETAIL = /^[★☆*]*其中/;

function rowKind(name: TextCell, targetText: TextCell, actualText: TextCell, weight: NumberCell | undefined, score: NumberCell | undefined, hasIndicator: boolean): RowKind {
  const weighted = (c: NumberCell | undefined) => c?.reading.kind === "number" && !c.reading.value.isZero();
  const filled = [name.text, targetText.text, actualText.text, weight?.text ?? "", score?.text ?? ""].some((x) => x !== "");
  if (!filled) return "skip";
  // one cell across the name, the target and the actual: a note (`注：1、其他资金包括…`), not an indicator
  if (sameCell(name.cell, targetText.cell) && sameCell(name.cell, actualText.cell)) return "skip";
  const placeholder = name.text === "" || PLACEHOLDER_NAME.test(normalizeLabel(name.text));
  if (placeholder && !weighted(weight) && !weighted(score)) return "skip";
  // `/`, `无`, `——` in the target and the actual: not applicable, no findings
  if (isNoneMark(targetText.text) && isNoneMark(actualText.text) && !weighted(weight) && !weighted(score)) return "skip";
  if (DETAIL.test(normalizeLabel(name.text)) && !weighted(weight) && hasIndicator) return "detail";
  return "indicator";
}

function readIndicators(grid: Grid, layout: FormLayout): { indicators: Indicator[]; headings: Level1Heading[]; blocks: IndicatorBlockModel[] } {
  const indicators: Indicator[] = [];
  const headings: Level1Heading[] = [];
  const blocks: IndicatorBlockModel[] = [];
  layout.indicatorBlocks.forEach((t, block) => {
    const { columns } = t;
    const label = t.label && textAt(grid, t.label.at);
    blocks.push({
      headerRow: t.headerRow,
      ...(label ? { label } : {}),
      weight: t.label?.weight ? new D(t.label.weight) : null,
      hasWeightColumn: columns.weight !== undefined,
      hasScoreColumn: columns.score !== undefined,
    });
    let level1: TextCell = { cell: cellRef(grid.sheet, t.firstRow, columns.level1 ?? columns.name), text: "" };
    let level2: TextCell = { cell: cellRef(grid.sheet, t.firstRow, columns.level2 ?? columns.name), text: "" };
    for (let row = t.firstRow; row <= t.lastRow; row++) {
      // A merged or repeated label shows on every row; an unmerged one only on its first row, so carry it down.
      if (columns.level1 !== undefined) {
        const l1 = textAt(grid, { row, col: columns.level1 }, true);
        if (l1.text !== "" && l1.text !== level1.text) {
          level2 = { cell: level2.cell, text: "" };
          const { weight } = labelCore(l1.text);
          if (weight !== null && !headings.some((h) => sameCell(h.label.cell, l1.cell))) {
            headings.push({ kind: level1KindOf(l1.text), label: l1, weight: new D(weight), block });
          }
        }
        if (l1.text !== "") level1 = l1;
      }
      if (columns.level2 !== undefined) {
        const l2 = textAt(grid, { row, col: columns.level2 }, true);
        if (l2.text !== "") level2 = l2;
      }
      const name = textAt(grid, { row, col: columns.name }, true);
      const targetText = targetTextAt(grid, row, columns.target);
      // a 申报表 has no 实际完成值: an empty text where it would be
      const actualText = columns.actual !== undefined ? textAt(grid, { row, col: columns.actual }, true) : { cell: name.cell, text: "" };
      // a 权重 printed as a share of the 100 points (`30%`, or 0.3 under a % format) is that many points
      const weight = columns.weight !== undefined ? numberAt(grid, row, columns.weight, true) : undefined;
      const score = columns.score !== undefined ? numberAt(grid, row, columns.score) : undefined;
      const last = indicators.at(-1);
      const kind = rowKind(name, targetText, actualText, weight, score, last !== undefined && last.block === block);
      if (kind === "skip") continue;
      if (kind === "detail") {
        indicators[indicators.length - 1] = { ...last!, details: last!.details + 1 };
        continue;
      }
      // the 二级 column holding the 一级 names under a grouping (`实施效果指标 | 产出指标 / 效益指标`, the central
      // budget-investment template): those are the 一级, and there is no 二级
      const grouped = level2.text !== "" && isLevel1Name(level2.text) && !isLevel1Name(level1.text);
      const [one, two] = grouped ? [level2, { cell: level2.cell, text: "" }] : [level1, level2];
      // no 一级 column (only 二级 names printed): the 一级 the 二级 belongs under
      const oneKind = one.text === "" && columns.level1 === undefined ? (level1KindOfLevel2(two.text) ?? "unknown") : level1KindOf(one.text);
      indicators.push({
        row,
        block,
        level1: one,
        level1Kind: oneKind,
        level2: two,
        name,
        targetText,
        target: parseTarget(targetText.text),
        actualText,
        actual: parseActual(actualText.text),
        ...(weight ? { weight } : {}),
        ...(score ? { score } : {}),
        deviation: columns.deviation !== undefined ? textAt(grid, { row, col: columns.deviation }, true) : undefined,
        details: 0,
      });
    }
  });
  return { indicators, headings, blocks };
}

/**
 * The 总分 row's 分值 and 得分 cells: under the table's 分值 and 得分 columns, unless the grade sits there
 * (`总分(100分) | 100 | 自评等级 | 优`: the grade word is never the 总分). Then the numbers between the 总分 label and
 * the grade are read instead: one is the 得分 (the label or the 分值 column says the weight), two are 分值 and 得分.
 */
function totalCells(grid: Grid, layout: FormLayout, cols: IndicatorColumns): { weight?: number; score?: number } {
  const { row, col: labelCol } = layout.totalRow!.label;
  if (layout.totalRow!.score) return { score: layout.totalRow!.score.col };
  const grade = layout.grade && layout.grade.label.row === row ? layout.grade : undefined;
  const isGrade = (c: number) => {
    if (!grade) return false;
    const a = anchorOf(grid, row, c);
    return [grade.label, grade.value].some((g) => a.row === g.row && a.col === g.col);
  };
  const weight = cols.weight !== undefined && !isGrade(cols.weight) ? cols.weight : undefined;
  const score = cols.score !== undefined && !isGrade(cols.score) ? cols.score : undefined;
  if (score !== undefined || !grade) return { weight, score };
  // the grade took the 得分 column: the one number before it is the 总分 (`总分 | 100 | 自评等级 | 优`), two are the
  // 分值 and the 得分
  const numbers: number[] = [];
  for (let c = nextColOf(grid, row, labelCol); c < grade.label.col; c++) {
    const a = anchorOf(grid, row, c);
    if (a.col !== c) continue;
    if (readNumber(rawCell(grid, row, c)).kind === "number") numbers.push(c);
  }
  if (numbers.length >= 2) return { weight: numbers[0], score: numbers[numbers.length - 1] };
  return { score: numbers[0] };
}

function nextColOf(grid: Grid, row: number, col: number): number {
  const a = anchorOf(grid, row, col);
  let c = col + 1;
  while (c <= grid.colCount && anchorOf(grid, row, c).col === a.col && anchorOf(grid, row, c).row === a.row) c++;
  return c;
}

/** Read the values of a located form; every value keeps the cell it came from. */
export function readForm(grid: Grid, layout: FormLayout): FormModel {
  const { indicators, headings, blocks } = readIndicators(grid, layout);
  const cols = layout.indicatorBlocks.at(-1)?.columns;
  const at = layout.totalRow && cols ? totalCells(grid, layout, cols) : {};
  const totalRow =
    layout.totalRow && cols
      ? {
          label: textAt(grid, layout.totalRow.label),
          ...(at.weight !== undefined ? { weight: numberAt(grid, layout.totalRow.label.row, at.weight) } : {}),
          ...(at.score !== undefined ? { score: numberAt(grid, layout.totalRow.label.row, at.score) } : {}),
        }
      : undefined;
  const wl = layout.funds?.weightLabel;
  const title = layout.title && textAt(grid, layout.title);
  const declared = layout.declaredFunds;
  return {
    sheet: grid.sheet,
    kind: layout.kind,
    fundsBreakdowns: (layout.funds?.breakdowns ?? []).map((b) => ({
      ...(b.head ? { head: breakdownCell(grid, b.head) } : {}),
      items: b.items.map((i) => (i.amount ? { label: textAt(grid, i.label, true), amount: numberAt(grid, i.amount.row, i.amount.col) } : breakdownCell(grid, i.label))),
    })),
    tasks: (layout.tasks?.rows ?? []).map((t) => ({ name: textAt(grid, t.name, true), budget: numberAt(grid, t.budget.row, t.budget.col), ...(t.executed ? { executed: numberAt(grid, t.executed.row, t.executed.col) } : {}) })),
    declaredFunds: (declared?.rows ?? []).map((r) => ({ kind: r.kind, label: textAt(grid, r.label, true), amount: numberAt(grid, r.value.row, r.value.col) })),
    ...(declared?.mediumTerm ? { mediumTermFunds: { label: textAt(grid, declared.mediumTerm.label, true), amount: numberAt(grid, declared.mediumTerm.value.row, declared.mediumTerm.value.col) } } : {}),
    title,
    year: layout.year,
    projectName: layout.projectName && textAt(grid, layout.projectName.value, true),
    department: layout.department && textAt(grid, layout.department.value, true),
    implementer: layout.implementer && textAt(grid, layout.implementer.value, true),
    amountUnit: layout.amountUnit,
    funds: readFunds(grid, layout),
    goal: {
      expected: layout.goal.expected && textAt(grid, layout.goal.expected, true),
      actual: layout.goal.actual && textAt(grid, layout.goal.actual, true),
    },
    indicators,
    level1Headings: headings,
    indicatorBlocks: blocks,
    ...(wl ? { budgetWeightLabel: { label: textAt(grid, wl.at), weight: new D(wl.weight) } } : {}),
    totalRow,
    grade: layout.grade && { label: textAt(grid, layout.grade.label), value: textAt(grid, layout.grade.value, true) },
    missing: layout.missing,
    unplaced: layout.unplaced,
  };
}
