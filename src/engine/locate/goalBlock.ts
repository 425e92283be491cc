import { anchorOf, visibleCell } from "../grid/grid";
import { GOAL_BLOCK } from "../vocabulary/fields";
import { wordScore } from "../vocabulary/match";
import { Pos } from "./layout";
import { bottomOf, hasValue, Label, SheetLabels, valueRightOf } from "./sheetLabels";

const MIN_GOAL_SCORE = 0.75;

function isGoalLabel(labels: SheetLabels, l: Label): boolean {
  return wordScore(l.core, labels.vocab.goal.expected) >= MIN_GOAL_SCORE || wordScore(l.core, labels.vocab.goal.actual) >= MIN_GOAL_SCORE;
}

/**
 * The goal text of a heading: the first filled cell under it (before the next goal heading or `stopRow`), or, in a
 * side-by-side layout, the cell to its right. When both are empty, the cell just under the heading (a blank goal).
 */
function goalText(labels: SheetLabels, heading: Label, stopRow: number): Pos {
  const grid = labels.grid;
  const below = bottomOf(grid, heading.row, heading.col) + 1;
  for (let r = below; r < Math.min(stopRow, below + 4); r++) {
    if (!hasValue(grid, r, heading.col)) continue;
    const a = anchorOf(grid, r, heading.col);
    const l = labels.at(a.row, a.col);
    if (l && isGoalLabel(labels, l)) break;
    return { row: a.row, col: a.col };
  }
  const right = valueRightOf(labels, heading, (l) => isGoalLabel(labels, l));
  // the cell right of 预期目标 may be the 实际完成情况 heading itself (side by side, texts below, this one blank)
  const rightLabel = labels.visibleAt(right.row, right.col);
  if (hasValue(grid, right.row, right.col) && !(rightLabel && isGoalLabel(labels, rightLabel))) return right;
  return { row: below, col: heading.col };
}

/**
 * The 年度总体目标 block: the 预期目标 and 实际完成情况 headings whose words fit best (a pair in one row preferred, as
 * forms print them side by side), outside the rows the tables take, and the text of each.
 */
export function locateGoal(labels: SheetLabels, excluded: ReadonlySet<number>, stopRow: (row: number) => number): { expected?: Pos; actual?: Pos } {
  const pick = (words: readonly string[]) =>
    labels.all
      .filter((l) => !excluded.has(l.row))
      .map((l) => ({ l, score: wordScore(l.core, words) }))
      .filter((x) => x.score >= MIN_GOAL_SCORE);
  const expected = pick(labels.vocab.goal.expected);
  const actual = pick(labels.vocab.goal.actual);
  let best: { e?: Label; a?: Label; score: number } = { score: 0 };
  for (const e of expected.length ? expected : [undefined]) {
    for (const a of actual.length ? actual : [undefined]) {
      if (e && a && e.l === a.l) continue;
      const sameRow = e && a && e.l.row === a.l.row ? 0.5 : 0;
      const ordered = e && a && (e.l.row < a.l.row || (e.l.row === a.l.row && e.l.col < a.l.col)) ? 0.1 : 0;
      // side by side with nothing between: `项目年度目标 | 年度目标 | 年度目标完成情况` (Sichuan) heads the block with
      // its first label; the 预期目标 heading is the one beside 实际完成情况
      const adjacent = sameRow && !labels.inRow(e!.l.row).some((l) => l.col > Math.min(e!.l.col, a!.l.col) && l.col < Math.max(e!.l.col, a!.l.col) && isGoalLabel(labels, l)) ? 0.2 : 0;
      const score = (e?.score ?? 0) + (a?.score ?? 0) + sameRow + ordered + adjacent;
      if (score > best.score) best = { e: e?.l, a: a?.l, score };
    }
  }
  // no 预期目标 heading: the block's own label (`总体目标 | 全年实现…`, as 申报表 and 目标表 print it) heads the goal text
  const block = best.e ? undefined : labels.all.find((l) => !excluded.has(l.row) && wordScore(l.core, GOAL_BLOCK) === 1 && !(best.a && l.row === best.a.row));
  const heading = best.e ?? block;
  return {
    expected: heading ? goalText(labels, heading, stopRow(heading.row)) : best.a ? undefined : goalBeside(labels, excluded),
    actual: best.a && goalText(labels, best.a, stopRow(best.a.row)),
  };
}

/** Labels that name the goal only when its text stands beside them (they also name blocks of indicators). */
const GOAL_BESIDE = ["绩效目标", "年度绩效目标", "项目绩效目标"];

/**
 * A goal printed beside `绩效目标` in a row of its own (`绩效目标 | 以办公大楼服务对象满意为目标…`, a municipal 目标表):
 * the text right of the label, a sentence and not another label. Only the cell beside it: under such a label a table's
 * block label (`绩效指标`) is no goal.
 */
function goalBeside(labels: SheetLabels, excluded: ReadonlySet<number>): Pos | undefined {
  for (const l of labels.all) {
    if (excluded.has(l.row) || !GOAL_BESIDE.includes(l.core)) continue;
    const right = valueRightOf(labels, l, () => false);
    const value = visibleCell(labels.grid, right.row, right.col)?.value;
    const label = labels.visibleAt(right.row, right.col);
    if (typeof value === "string" && value.replace(/\s+/g, "").length >= 8 && !(label && isGoalLabel(labels, label))) return right;
  }
  return undefined;
}
