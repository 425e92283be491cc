import { anchorOf, Grid, mergeAt } from "../grid/grid";
import { FormVocabulary, GRADE_LABELS, HeaderField, isTitleCore, TOTAL_LABELS, TRAILER_LABELS } from "../vocabulary/fields";
import { bestField, startsWithWord, wordScore } from "../vocabulary/match";
import { amountUnitOf, findFundsHeader, locateFunds, unreadFundsTable } from "./fundsTable";
import { blockLabel, findIndicatorHeaders, IndicatorHeader, indicatorColumns, unplacedHeaders } from "./indicatorTable";
import { locateGoal } from "./goalBlock";
import { FormKind, FormLayout, IndicatorBlock, isDeclaration, MissingPart, UnplacedLabel } from "./layout";
import { formKindOf } from "./formKind";
import { locateDeclaredFunds } from "./declaredFunds";
import { locateTasks } from "./tasksBlock";
import { Label, SheetLabels, valueRightOf } from "./sheetLabels";
import { readGrade } from "../vocabulary/words";

const YEAR = /(?:^|\()(\d{4})年度?(?:\)|$)/;
const YEAR_ANYWHERE = /(\d{4})\s*年度?/;

const isHeaderFieldLabel = (labels: SheetLabels) => (l: Label): boolean =>
  Object.values<readonly string[]>(labels.vocab.header).some((words) => wordScore(l.core, words) >= 0.9) || wordScore(l.core, GRADE_LABELS) === 1;

/** Rows of approvals and signatures under a 申报表's table (`财政部门绩效评价股审核意见 | (盖章)`). */
const SIGN_OFF = /(审核意见|审批意见|初审意见|复核意见)$|盖章|签字|签章/;

/** A row that ends an indicator table: its 总分 row, a trailer (评价结论 …), a 评分等级 row, a goal heading. */
function endsTable(labels: SheetLabels, row: number): "total" | "end" | null {
  for (const l of labels.inRow(row)) {
    if (wordScore(l.core, TOTAL_LABELS) === 1) return "total";
    if (startsWithWord(l.core, TRAILER_LABELS) || wordScore(l.core, GRADE_LABELS) === 1 || SIGN_OFF.test(l.core)) return "end";
    if (wordScore(l.core, labels.vocab.goal.expected) === 1 || wordScore(l.core, labels.vocab.goal.actual) === 1) return "end";
  }
  return null;
}

/** The rows of each indicator table: from under its header to the next table, its 总分 row, or what ends it. */
function indicatorBlocks(labels: SheetLabels, headers: readonly IndicatorHeader[], missing: MissingPart[], unplaced: UnplacedLabel[], kind: FormKind): { blocks: IndicatorBlock[]; totalRow?: number } {
  const grid = labels.grid;
  const blocks: IndicatorBlock[] = [];
  let totalRow: number | undefined;
  headers.forEach((h, i) => {
    const columns = indicatorColumns(labels, h, missing, isDeclaration(kind));
    const firstRow = h.row + h.headerRows;
    const nextHeader = headers[i + 1]?.row ?? grid.rowCount + 1;
    let lastRow = nextHeader - 1;
    for (let r = firstRow; r < nextHeader; r++) {
      const stop = endsTable(labels, r);
      if (!stop) continue;
      lastRow = r - 1;
      if (stop === "total") totalRow ??= r;
      // a note between the table and its 总分 row (`其他需要说明事项 | 无`, then `总分 | 100 | 96`)
      else if (i === headers.length - 1) totalRow ??= [1, 2, 3].map((d) => r + d).find((x) => x < nextHeader && endsTable(labels, x) === "total");
      break;
    }
    const label = columns ? blockLabel(h, columns) : undefined;
    unplaced.push(...unplacedHeaders(h, label));
    if (!columns) return;
    blocks.push({ headerRow: h.row, firstRow, lastRow, columns, ...(label ? { label } : {}) });
  });
  return { blocks, totalRow };
}

/**
 * Find the 自评表 on a sheet by its vocabulary and structure, wherever it starts, merged or not, whatever words its
 * province prints (vocabulary/fields.ts): the indicator tables by their header rows (the best-fitting row wins, several
 * blocks allowed), the funds table by its amount columns, the goal block, the header fields, 总分 and 评分等级.
 * Returns undefined when the sheet holds neither a funds table nor an indicator table.
 */
export function locateForm(grid: Grid, labels: SheetLabels = new SheetLabels(grid)): FormLayout | undefined {
  const missing: MissingPart[] = [];
  const unplaced: UnplacedLabel[] = [];
  const headers = findIndicatorHeaders(labels);
  const tableStart = headers[0]?.row ?? grid.rowCount + 1;
  const titleLabel = labels.all.find((l) => l.row < tableStart && l.core.length >= 4 && isTitleCore(l.core));
  const kind = formKindOf(labels, headers, titleLabel, tableStart);
  const declaration = isDeclaration(kind);
  // a 申报表 prints its amounts beside their labels; a 自评表 (project or department) in a table of columns
  const fundsHeader = declaration ? null : findFundsHeader(labels, tableStart);
  const declaredFunds = declaration ? locateDeclaredFunds(labels, tableStart) : undefined;
  if (!headers.length && !fundsHeader) return undefined;
  if (!headers.length) missing.push({ severity: "error", part: "绩效指标表（三级指标、年度指标值、实际完成值、分值、得分）" });

  const { blocks, totalRow: totalRowAt } = indicatorBlocks(labels, headers, missing, unplaced, kind);
  // rows that are no funds row: headings of the goal block and of the indicator tables
  const goalRows = new Set(labels.all.filter((l) => wordScore(l.core, labels.vocab.goal.expected) === 1 || wordScore(l.core, labels.vocab.goal.actual) === 1).map((l) => l.row));
  const stopRows = new Set([...goalRows, ...headers.map((h) => h.row)]);
  const funds = fundsHeader ? locateFunds(labels, fundsHeader, stopRows, missing, unplaced) : undefined;
  if (declaration) {
    if (!declaredFunds) missing.push({ severity: "info", part: "“年度资金总额”" });
  } else if (!funds) {
    // a funds table the reader could not read (its block label, its 年度资金总额 row or a header with one amount
    // column is there) is ours to fail: an info and its headers named; one that is not there at all is the form's
    const seen = unreadFundsTable(labels, tableStart);
    if (seen) unplaced.push(...seen.unplaced);
    missing.push(seen ? { severity: "info", part: "项目资金表（全年预算数、全年执行数）", near: seen.near, unread: true } : { severity: "error", part: "项目资金表（全年预算数、全年执行数）" });
  }
  const formTop = Math.min(funds?.headerRow ?? tableStart, declaredFunds?.rows[0]?.label.row ?? tableStart, tableStart);

  // the goal block: anywhere outside the tables' rows
  const excluded = new Set<number>();
  if (funds) for (let r = funds.headerRow; r <= (funds.rows.at(-1)?.label.row ?? funds.headerRow); r++) excluded.add(r);
  for (const b of blocks) for (let r = b.headerRow; r <= b.lastRow; r++) excluded.add(r);
  const tableStarts = [funds?.headerRow, ...headers.map((h) => h.row)].filter((r): r is number => r !== undefined);
  const inHeader = (l: Label) => headers.some((h) => l.row >= h.row && l.row < h.row + h.headerRows);
  const below = (l: Label) => {
    const a = anchorOf(grid, (mergeAt(grid, l.row, l.col)?.bottom ?? l.row) + 1, l.col);
    return { row: a.row, col: a.col };
  };
  let goal = locateGoal(labels, excluded, (row) => Math.min(...tableStarts.filter((r) => r > row), grid.rowCount + 1));
  // a list of projects prints 年度目标 as a column of the indicator table's header, the text under it
  const goalColumn = !goal.expected && !goal.actual ? labels.all.find((l) => inHeader(l) && wordScore(l.core, labels.vocab.goal.expected) === 1) : undefined;
  if (goalColumn) goal = { expected: below(goalColumn) };
  if (!goal.expected && !goal.actual) missing.push({ severity: "info", part: declaration ? "“年度目标”" : "“年度总体目标”（预期目标、实际完成情况）" });

  const above = (l: Label) => l.row <= formTop;
  const fieldPos = (field: HeaderField) => {
    const label = labels.all
      .filter(above)
      .map((l) => ({ l, score: wordScore(l.core, labels.vocab.header[field]) }))
      .filter((x) => x.score >= 0.75)
      .sort((a, b) => b.score - a.score)[0]?.l;
    // in a list of projects the field is a column of the table's header, its value under it
    return label ? { label: { row: label.row, col: label.col }, value: inHeader(label) ? below(label) : valueRightOf(labels, label, isHeaderFieldLabel(labels)) } : undefined;
  };
  // a 部门整体 form is named by its department (部门名称, 单位名称 …), a project form by its 项目名称
  const department = kind === "departmentSelfEvaluation" || kind === "departmentDeclaration";
  const projectName = (department ? (fieldPos("departmentName") ?? fieldPos("projectName")) : fieldPos("projectName")) ?? (department ? fieldPos("department") : undefined);
  if (!projectName) missing.push({ severity: "info", part: department ? "“部门名称”" : "“项目名称”" });
  const title = titleLabel;
  const yearLabel = labels.all.find((l) => above(l) && l.text.length <= 20 && YEAR.test(l.text));
  const year = yearLabel ? YEAR.exec(yearLabel.text)![1] : title ? YEAR_ANYWHERE.exec(title.text)?.[1] : undefined;

  const lastBlock = blocks.at(-1);
  let totalRow: FormLayout["totalRow"];
  if (totalRowAt !== undefined) {
    const label = labels.inRow(totalRowAt).find((l) => wordScore(l.core, TOTAL_LABELS) === 1)!;
    totalRow = { label: { row: label.row, col: label.col } };
  } else if (!declaration) {
    // a total printed in the header, above the tables (`实施单位 | … | 自评得分 | 98`)
    const top = labels.all.find((l) => l.row < formTop && wordScore(l.core, TOTAL_LABELS) === 1);
    const value = top && valueRightOf(labels, top, isHeaderFieldLabel(labels));
    if (top && value) totalRow = { label: { row: top.row, col: top.col }, score: value };
    else if (lastBlock) missing.push({ severity: "info", part: "“总分”行", near: { sheet: grid.sheet, row: lastBlock.lastRow + 1, col: lastBlock.columns.name } });
  }
  const gradeLabel = labels.all.find((l) => l.row >= (lastBlock?.firstRow ?? formTop) && wordScore(l.core, GRADE_LABELS) === 1);
  // no 评分等级 label, but a grade word printed on the 总分 row (`总分 | 100 | 96 | 优`)
  const gradeWord = !gradeLabel && totalRow ? labels.inRow(totalRow.label.row).find((l) => l.col > totalRow!.label.col && readGrade(l.text) !== null) : undefined;
  if (!gradeLabel && !gradeWord && !declaration) missing.push({ severity: "info", part: "“评分等级”行" });

  // a department's 年度主要任务, outside the funds and indicator tables
  const tasks = kind === "departmentSelfEvaluation" ? locateTasks(labels, excluded) : undefined;
  return {
    sheet: grid.sheet,
    kind,
    ...(tasks ? { tasks } : {}),
    ...(declaredFunds ? { declaredFunds } : {}),
    title: title && { row: title.row, col: title.col },
    year: year !== undefined ? Number.parseInt(year, 10) : undefined,
    projectName,
    department: fieldPos("department"),
    implementer: fieldPos("implementer"),
    amountUnit: funds ? amountUnitOf(labels, funds.headerRow) : "万元",
    funds,
    goal,
    indicatorBlocks: blocks,
    totalRow,
    grade: gradeLabel
      ? { label: { row: gradeLabel.row, col: gradeLabel.col }, value: valueRightOf(labels, gradeLabel, isHeaderFieldLabel(labels)) }
      : gradeWord && { label: totalRow!.label, value: { row: gradeWord.row, col: gradeWord.col } },
    missing,
    unplaced,
  };
}

/**
 * Labels of a form's tables on a sheet where no form was found (`三级指标`, `全年预算数`, …): what FORM_NOT_FOUND
 * names, so a user sees that the sheet was understood in part. Empty for a sheet with two such labels or fewer.
 */
export function tableLabels(grid: Grid, vocab?: FormVocabulary): { readonly text: string; readonly row: number; readonly col: number }[] {
  const labels = new SheetLabels(grid, vocab);
  const score = (l: Label) => Math.max(bestField(l.core, labels.vocab.indicators)?.score ?? 0, bestField(l.core, labels.vocab.funds)?.score ?? 0);
  const found = labels.all.filter((l) => score(l) >= 0.9);
  return found.length >= 3 ? found.map((l) => ({ text: l.text, row: l.row, col: l.col })) : [];
}
