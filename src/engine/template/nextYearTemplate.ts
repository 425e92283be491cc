import { locateForm } from "../locate/locateForm";
import { FormKind, isDeclaration } from "../locate/layout";
import { declarationTemplateSpec } from "./fromDeclaration";
import { CellValue, Grid, rawCell, valueText } from "../grid/grid";
import { NumberCell, TextCell } from "../model/types";
import { readForm } from "../model/readForm";
import { Profile } from "../profiles/profile";
import { D } from "../number/decimal";
import { SheetSpec } from "../sheet/sheetSpec";
import { layoutFormSheet } from "./formSheet";
import { DEFAULT_TITLE } from "./newTemplate";

export interface NextYearTemplateOptions {
  /** The year of the new form; the old form's year + 1 when absent (the current year if it shows none). */
  readonly year?: number;
  /** The worksheet's name; the old sheet's name when absent. */
  readonly sheetName?: string;
}

export type NextYearTemplate =
  /** `fromKind`: the form it was built from — a 自评表 (next year's), or a 申报表 (this year's, rules.md §7.3). */
  | { readonly ok: true; readonly spec: SheetSpec; readonly year: number; readonly fromKind: FormKind }
  | { readonly ok: false; readonly message: string };

/** The cell's own value (a number stays a number) when it is what the model read, else the model's text. */
function keptValue(grid: Grid, text: TextCell | undefined): CellValue {
  if (!text || text.text === "") return null;
  const raw = rawCell(grid, text.cell.row, text.cell.col)?.value;
  return raw !== undefined && raw !== null && valueText(raw).trim() === text.text ? raw : text.text;
}

function keptNumber(cell: NumberCell | undefined): CellValue {
  if (!cell) return null;
  if (cell.reading.kind === "number") return cell.reading.value.toNumber();
  return cell.reading.kind === "invalid" ? cell.text : null;
}

/**
 * Next year's 自评表 from this year's: the same header, 预期目标, indicators (一级/二级/三级, 年度指标值, 分值)
 * and 分数, in the standard layout with live formulas; amounts, 实际完成值, 得分, 偏差原因 and 实际完成情况
 * blank; the year moved on. The grid is only read.
 * @example nextYearTemplateSpec(grid2023, getProfile()!) //=> { ok: true, year: 2024, spec: {…} }
 */
export function nextYearTemplateSpec(grid: Grid, profile: Profile, options: NextYearTemplateOptions = {}): NextYearTemplate {
  const layout = locateForm(grid);
  if (!layout) return { ok: false, message: `工作表“${grid.sheet}”中没有找到自评表或申报表，无法生成模板` };
  // a 申报表 gives this year's 自评表 of its project
  if (isDeclaration(layout.kind)) {
    const made = declarationTemplateSpec(grid, profile, { ...(options.year !== undefined ? { year: options.year } : {}), sheetName: options.sheetName ?? "自评表" });
    return made.ok ? { ...made, fromKind: layout.kind } : made;
  }
  const model = readForm(grid, layout);
  const year = options.year ?? (model.year !== undefined ? model.year + 1 : new Date().getFullYear());
  const fundsTotal = model.funds.find((f) => f.kind === "fundsTotal");
  const budgetWeight = keptNumber(fundsTotal?.weight);
  // a 部门整体 form keeps its rows (基本支出 / 项目支出 …) and is named by its department
  const department = model.kind === "departmentSelfEvaluation";
  const spec = layoutFormSheet(
    {
      title: model.title?.text || DEFAULT_TITLE,
      year,
      projectName: keptValue(grid, model.projectName),
      department: keptValue(grid, model.department),
      implementer: keptValue(grid, model.implementer),
      amountUnit: model.amountUnit,
      budgetWeight: budgetWeight ?? new D(profile.budgetWeight).toNumber(),
      goalExpected: keptValue(grid, model.goal.expected),
      ...(department ? { nameLabel: "部门名称", fundsRows: model.funds.map((f, i) => ({ label: i === 0 ? "年度资金总额：" : f.label.text, initialBudget: null })) } : {}),
      indicators: model.indicators.map((i) => ({
        level1: i.level1.text,
        level2: i.level2.text,
        name: keptValue(grid, i.name),
        target: keptValue(grid, i.targetText),
        weight: keptNumber(i.weight),
      })),
    },
    profile,
    options.sheetName ?? grid.sheet,
  );
  return { ok: true, spec, year, fromKind: layout.kind };
}
