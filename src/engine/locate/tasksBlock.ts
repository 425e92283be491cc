import { assignColumns } from "./assignColumns";
import { Pos } from "./layout";
import { hasValue, SheetLabels } from "./sheetLabels";
import { wordScore } from "../vocabulary/match";

/**
 * A 部门整体 自评表's `年度主要任务` block (rules.md §7.5): a header `任务名称 | 主要内容 | 预算数 | 执行数` and a task
 * a row, whose amounts add up to the 项目支出 (or the total).
 */
export interface TasksLayout {
  readonly headerRow: number;
  readonly rows: readonly { readonly name: Pos; readonly budget: Pos; readonly executed?: Pos }[];
}

const TASK_NAME = ["任务名称", "主要任务", "年度主要任务", "任务"];

export function locateTasks(labels: SheetLabels, skip: ReadonlySet<number>): TasksLayout | undefined {
  for (const row of new Set(labels.all.map((l) => l.row))) {
    if (skip.has(row)) continue;
    const inRow = labels.inRow(row);
    const name = inRow.find((l) => wordScore(l.core, TASK_NAME) === 1);
    if (!name) continue;
    const { columns } = assignColumns(inRow.filter((l) => l.col > name.col), labels.vocab.funds);
    const budget = columns.budget ?? columns.initialBudget;
    if (!budget) continue;
    const rows: { name: Pos; budget: Pos; executed?: Pos }[] = [];
    for (let r = row + 1; r <= labels.grid.rowCount && rows.length < 50; r++) {
      if (!hasValue(labels.grid, r, name.col) || skip.has(r)) break;
      const l = labels.at(r, name.col);
      if (l && (wordScore(l.core, ["合计", "总计", "小计"]) === 1)) break;
      rows.push({ name: { row: r, col: name.col }, budget: { row: r, col: budget.col }, ...(columns.executed ? { executed: { row: r, col: columns.executed.col } } : {}) });
    }
    if (rows.length > 0) return { headerRow: row, rows };
  }
  return undefined;
}
