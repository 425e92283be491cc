import { Grid, isEmptyValue, keyCol, keyRow, mergeAt, visibleCell, anchorOf } from "../grid/grid";
import { normalizeLabel } from "../grid/normalizeLabel";
import { LABELS } from "../vocabulary/labels";
import { FormLayout, FundsColumns, FundsRowKind, IndicatorColumns, MissingPart, Pos } from "./layout";

interface Label {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** Every text cell of the sheet with its normalized label, in reading order. */
function collectLabels(grid: Grid): Label[] {
  const labels: Label[] = [];
  for (const [key, cell] of grid.cells) {
    // prose (a goal text) is no label: skip it before normalizing, the hot path of a large sheet
    if (typeof cell.value !== "string" || cell.value.length > 120 || cell.value.trim() === "") continue;
    const text = normalizeLabel(cell.value);
    if (text.length > 60) continue;
    labels.push({ row: keyRow(key), col: keyCol(key), text });
  }
  return labels.sort((a, b) => a.row - b.row || a.col - b.col);
}

function find(labels: readonly Label[], re: RegExp, from = 0, to = Infinity): Label | undefined {
  return labels.find((l) => l.row >= from && l.row <= to && re.test(l.text));
}

function inRow(labels: readonly Label[], row: number, re: RegExp): Label | undefined {
  return labels.find((l) => l.row === row && re.test(l.text));
}

/** The column just past a cell's merge area. */
function nextCol(grid: Grid, row: number, col: number): number {
  return (mergeAt(grid, row, col)?.right ?? col) + 1;
}

/**
 * The value cell of a label: the first filled cell to its right (blank columns may sit between), or,
 * when the row holds nothing more (or only another label), the cell just past the label's merge.
 */
function valueRightOf(grid: Grid, labels: readonly Label[], at: Pos, isLabel: (text: string) => boolean): Pos {
  const first = { row: at.row, col: nextCol(grid, at.row, at.col) };
  for (let c = first.col; c <= grid.colCount; c++) {
    const a = anchorOf(grid, at.row, c);
    if (a.row !== at.row || a.col !== c) continue; // inside a merge started elsewhere
    const cell = visibleCell(grid, at.row, c);
    if (isEmptyValue(cell?.value)) continue;
    const label = labels.find((l) => l.row === at.row && l.col === c);
    if (label && isLabel(label.text)) return first;
    return { row: at.row, col: c };
  }
  return first;
}

const HEADER_FIELD_LABELS = [LABELS.projectName, LABELS.department, LABELS.implementer, LABELS.grade];
const isHeaderFieldLabel = (t: string): boolean => HEADER_FIELD_LABELS.some((re) => re.test(t));

function locateFunds(grid: Grid, labels: readonly Label[], missing: MissingPart[], before: number): FormLayout["funds"] {
  const budget = labels.find((l) => l.row < before && LABELS.budget.test(l.text) && inRow(labels, l.row, LABELS.executed));
  if (!budget) {
    missing.push({ severity: "error", part: "项目资金表（全年预算数、全年执行数）" });
    return undefined;
  }
  const row = budget.row;
  const col = (re: RegExp): number | undefined => inRow(labels, row, re)?.col;
  const columns: FundsColumns = {
    initialBudget: col(LABELS.initialBudget),
    budget: budget.col,
    executed: col(LABELS.executed) as number,
    weight: col(LABELS.fundsWeight),
    rate: col(LABELS.rate),
    score: col(LABELS.score),
  };
  const near = { sheet: grid.sheet, row, col: budget.col };
  if (columns.weight === undefined) missing.push({ severity: "error", part: "项目资金表的“分数”列", near });
  if (columns.rate === undefined) missing.push({ severity: "error", part: "项目资金表的“执行率”列", near });
  if (columns.score === undefined) missing.push({ severity: "error", part: "项目资金表的“得分”列", near });

  const firstValueCol = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined));
  const kinds: [FundsRowKind, RegExp][] = [
    ["fundsTotal", LABELS.fundsTotal],
    ["fiscal", LABELS.fundsFiscal],
    ["carryover", LABELS.fundsCarryover],
    ["other", LABELS.fundsOther],
  ];
  const rows: { kind: FundsRowKind; label: Pos }[] = [];
  for (let r = row + 1; r <= Math.min(row + 8, before - 1); r++) {
    const label = labels.find((l) => l.row === r && l.col < firstValueCol && kinds.some(([, re]) => re.test(l.text)));
    if (!label) continue;
    const kind = kinds.find(([, re]) => re.test(label.text))![0];
    if (!rows.some((x) => x.kind === kind)) rows.push({ kind, label: { row: r, col: label.col } });
  }
  if (!rows.some((r) => r.kind === "fundsTotal")) missing.push({ severity: "error", part: "“年度资金总额”行", near });
  return { headerRow: row, columns, rows };
}

function locateIndicatorHeader(
  grid: Grid,
  labels: readonly Label[],
  missing: MissingPart[],
): { headerRow: number; firstRow: number; columns: IndicatorColumns } | undefined {
  const anchor = labels.find(
    (l) => (LABELS.level3.test(l.text) || LABELS.level1.test(l.text)) && inRow(labels, l.row, LABELS.actual),
  );
  if (!anchor) return undefined;
  const row = anchor.row;
  const near = { sheet: grid.sheet, row, col: anchor.col };
  // A split 年度指标值 puts 指标性质 | 指标值 | 度量单位 in the header row or the row below it.
  const sub = (re: RegExp): Label | undefined => inRow(labels, row, re) ?? inRow(labels, row + 1, re);
  const col = (re: RegExp): number | undefined => inRow(labels, row, re)?.col;
  const nature = sub(LABELS.targetNature);
  const unit = sub(LABELS.targetUnit);
  const value = nature || unit ? sub(LABELS.targetValue) : undefined;
  const target = value ? { nature: nature?.col, value: value.col, unit: unit?.col } : col(LABELS.target);
  const headerRows = [nature, unit, value].some((l) => l && l.row === row + 1) ? 2 : 1;

  const name = col(LABELS.level3);
  const actual = col(LABELS.actual);
  const weight = col(LABELS.weight);
  const score = col(LABELS.score);
  if (name === undefined) missing.push({ severity: "error", part: "指标表的“三级指标”列", near });
  if (target === undefined) missing.push({ severity: "error", part: "指标表的“年度指标值”列", near });
  if (weight === undefined) missing.push({ severity: "error", part: "指标表的“分值”列", near });
  if (score === undefined) missing.push({ severity: "error", part: "指标表的“得分”列", near });
  const deviation = col(LABELS.deviation);
  if (deviation === undefined) missing.push({ severity: "error", part: "指标表的“偏差原因分析及改进措施”列", near });
  if (name === undefined || target === undefined || actual === undefined || weight === undefined || score === undefined) {
    return undefined;
  }
  return {
    headerRow: row,
    firstRow: row + headerRows,
    columns: { level1: col(LABELS.level1), level2: col(LABELS.level2), name, target, actual, weight, score, deviation },
  };
}

/** The goal text under its heading (or, in a side-by-side layout, to its right). */
function goalText(grid: Grid, labels: readonly Label[], heading: Label, stopRow: number): Pos {
  for (let r = (mergeAt(grid, heading.row, heading.col)?.bottom ?? heading.row) + 1; r < stopRow; r++) {
    const a = anchorOf(grid, r, heading.col);
    const cell = visibleCell(grid, r, heading.col);
    if (!isEmptyValue(cell?.value)) {
      const l = labels.find((x) => x.row === a.row && x.col === a.col);
      if (l && (LABELS.goalActual.test(l.text) || LABELS.goalExpected.test(l.text))) break;
      return { row: a.row, col: a.col };
    }
  }
  const right = valueRightOf(grid, labels, heading, (t) => LABELS.goalActual.test(t) || LABELS.goalExpected.test(t));
  if (!isEmptyValue(visibleCell(grid, right.row, right.col)?.value)) return right;
  return { row: (mergeAt(grid, heading.row, heading.col)?.bottom ?? heading.row) + 1, col: heading.col };
}

/**
 * Find the 自评表 on a sheet by its labels, wherever it starts, merged or not.
 * Returns undefined when the sheet holds no form (neither a funds table nor an indicator table).
 */
export function locateForm(grid: Grid): FormLayout | undefined {
  const labels = collectLabels(grid);
  const missing: MissingPart[] = [];
  const indicatorHeader = locateIndicatorHeader(grid, labels, missing);
  const hasFundsHeader = labels.some((l) => LABELS.budget.test(l.text) && inRow(labels, l.row, LABELS.executed));
  if (!indicatorHeader && !hasFundsHeader) return undefined;
  if (!indicatorHeader) missing.push({ severity: "error", part: "绩效指标表（三级指标、年度指标值、实际完成值、分值、得分）" });

  const tableStart = indicatorHeader?.headerRow ?? grid.rowCount + 1;
  const funds = locateFunds(grid, labels, missing, tableStart);
  const formTop = funds?.headerRow ?? tableStart;

  const fieldPos = (re: RegExp) => {
    const label = find(labels, re, 1, formTop);
    return label ? { label, value: valueRightOf(grid, labels, label, isHeaderFieldLabel) } : undefined;
  };
  const projectName = fieldPos(LABELS.projectName);
  if (!projectName) missing.push({ severity: "error", part: "“项目名称”" });
  const title = find(labels, LABELS.title, 1, formTop);
  const yearLabel = labels.find((l) => l.row <= formTop && LABELS.year.test(l.text) && l.text.length <= 20);
  const fundsBlock = find(labels, LABELS.fundsBlock, 1, tableStart);

  const goalFrom = funds?.headerRow ?? 1;
  const expectedHeading = find(labels, LABELS.goalExpected, goalFrom, tableStart - 1);
  const actualHeading = find(labels, LABELS.goalActual, goalFrom, tableStart - 1);
  if (!expectedHeading && !actualHeading) missing.push({ severity: "info", part: "“年度总体目标”（预期目标、实际完成情况）" });

  let indicators: FormLayout["indicators"];
  let totalRow: FormLayout["totalRow"];
  if (indicatorHeader) {
    const totalLabel = find(labels, LABELS.total, indicatorHeader.firstRow);
    const gradeLabelBelow = find(labels, LABELS.grade, indicatorHeader.firstRow);
    const lastRow = (totalLabel?.row ?? gradeLabelBelow?.row ?? grid.rowCount + 1) - 1;
    indicators = { ...indicatorHeader, lastRow };
    if (totalLabel) totalRow = { label: totalLabel };
    else missing.push({ severity: "info", part: "“总分”行", near: { sheet: grid.sheet, row: lastRow + 1, col: indicatorHeader.columns.name } });
  }
  const gradeLabel = find(labels, LABELS.grade, indicators?.firstRow ?? formTop);
  if (!gradeLabel) missing.push({ severity: "info", part: "“评分等级”行" });

  return {
    sheet: grid.sheet,
    title: title && { row: title.row, col: title.col },
    year: yearLabel ? Number.parseInt(LABELS.year.exec(yearLabel.text)![1], 10) : undefined,
    projectName: projectName && { label: projectName.label, value: projectName.value },
    department: fieldPos(LABELS.department),
    implementer: fieldPos(LABELS.implementer),
    amountUnit: fundsBlock && /\(元\)/.test(fundsBlock.text) ? "元" : "万元",
    funds,
    goal: {
      expected: expectedHeading && goalText(grid, labels, expectedHeading, tableStart),
      actual: actualHeading && goalText(grid, labels, actualHeading, tableStart),
    },
    indicators,
    totalRow,
    grade: gradeLabel && { label: gradeLabel, value: valueRightOf(grid, labels, gradeLabel, isHeaderFieldLabel) },
    missing,
  };
}
