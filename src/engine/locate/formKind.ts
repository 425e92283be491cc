import { wordScore } from "../vocabulary/match";
import { DEPARTMENT_FUNDS_ROWS } from "../vocabulary/fields";
import { IndicatorHeader } from "./indicatorTable";
import { FormKind } from "./layout";
import { Label, SheetLabels } from "./sheetLabels";

/** What the title says: a 自评表, a 申报表 / 目标表 (or 批复表, 审批表), or nothing either way. */
function titleSays(title: Label | undefined): "self" | "declaration" | null {
  if (!title) return null;
  if (/自评|评价/.test(title.core)) return "self";
  if (/(申报表|目标表|批复表|审批表|绩效目标)$/.test(title.core)) return "declaration";
  return null;
}

/** A title or heading saying the form is the department's as a whole (`部门整体支出绩效自评表`, `整体绩效目标`). */
const DEPARTMENT_WORDS = /部门整体|整体支出|整体绩效/;

/**
 * The kind, from the title and the structure together (rules.md §7.1): an indicator table with targets but no
 * 实际完成值 and no 得分 column is a declaration, unless its title says 自评表; `部门整体` in the title, or funds rows
 * 基本支出 / 人员经费 / 公用经费 / 项目支出, make it the department's.
 */
export function formKindOf(labels: SheetLabels, headers: readonly IndicatorHeader[], title: Label | undefined, formTop: number): FormKind {
  const says = titleSays(title);
  const measuredOnly = headers.length > 0 && headers.every((h) => !h.placed.actual && !h.placed.score);
  const declaration = says === "declaration" || (says !== "self" && measuredOnly);
  const department = (title !== undefined && DEPARTMENT_WORDS.test(title.core)) || departmentLabels(labels, formTop, headers[0]?.row ?? labels.grid.rowCount);
  if (department) return declaration ? "departmentDeclaration" : "departmentSelfEvaluation";
  return declaration ? "declaration" : "selfEvaluation";
}

/** A heading above the form's top saying 部门整体, or two department funds rows above the first indicator table. */
function departmentLabels(labels: SheetLabels, formTop: number, tableRow: number): boolean {
  let fundsRows = 0;
  // labels come in reading order: the scan stops at the lower of the two bounds
  for (const l of labels.all) {
    if (l.row > formTop && l.row > tableRow) break;
    if (l.row <= formTop && DEPARTMENT_WORDS.test(l.core)) return true;
    if (l.row <= tableRow && wordScore(l.core, DEPARTMENT_FUNDS_ROWS) === 1 && ++fundsRows >= 2) return true;
  }
  return false;
}
