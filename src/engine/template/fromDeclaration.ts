import { CellValue, Grid, rawCell, valueText } from "../grid/grid";
import { isDeclaration } from "../locate/layout";
import { locateForm } from "../locate/locateForm";
import { readForm } from "../model/readForm";
import { FormModel, NumberCell, TextCell } from "../model/types";
import { D } from "../number/decimal";
import { Profile } from "../profiles/profile";
import { fundsLabel } from "../findings/format";
import { SheetSpec } from "../sheet/sheetSpec";
import { KnownLevel1, LEVEL1_KINDS } from "../vocabulary";
import { DEPARTMENT_FUNDS_LABELS, layoutFormSheet, TemplateIndicator } from "./formSheet";
import { blankContent, DEFAULT_TITLE, splitWeight } from "./newTemplate";

export const DEPARTMENT_TITLE = "部门整体支出绩效自评表";

/** A 部门整体 form's funds rows, blank: 年度资金总额, 基本支出 (人员经费, 公用经费), 项目支出. */
const DEPARTMENT_FUNDS_ROWS = DEPARTMENT_FUNDS_LABELS.map((label) => ({ label, initialBudget: null }));

export type DeclarationTemplate = { readonly ok: true; readonly spec: SheetSpec; readonly year: number } | { readonly ok: false; readonly message: string };

/** The cell's own value (a number stays a number) when it is what the model read, else the model's text. */
function kept(grid: Grid, text: TextCell | undefined): CellValue {
  if (!text || text.text === "") return null;
  const raw = rawCell(grid, text.cell.row, text.cell.col)?.value;
  return raw !== undefined && raw !== null && valueText(raw).trim() === text.text ? raw : text.text;
}

const amount = (c: NumberCell): CellValue => (c.reading.kind === "number" ? c.reading.value.toNumber() : null);

/** The 一级 a weight is split within: 成本 as a 一级 shares 产出's (rules.md §1.7). */
const weighedAs = (kind: string): Exclude<KnownLevel1, "cost"> | null => (kind === "cost" ? "output" : (LEVEL1_KINDS.find((k) => k === kind) ?? null));

/**
 * 分值 from the profile's 一级 weights split evenly over that 一级's indicators (rules.md §7.3: two decimals, the
 * remainder on the last row, so each 一级 adds up to its weight). An indicator under a 一级 the profile does not weigh
 * gets no 分值 (the accountant sets it).
 */
function declaredIndicators(grid: Grid, model: FormModel, profile: Profile): TemplateIndicator[] {
  const groups = new Map<Exclude<KnownLevel1, "cost">, number[]>();
  model.indicators.forEach((i, n) => {
    const k = weighedAs(i.level1Kind);
    if (k) groups.set(k, [...(groups.get(k) ?? []), n]);
  });
  const weights = new Map<number, number>();
  for (const [kind, rows] of groups) {
    const split = splitWeight(new D(profile.level1Weights[kind]), rows.map(() => 1));
    rows.forEach((n, k) => weights.set(n, split[k].toNumber()));
  }
  return model.indicators.map((i, n) => ({
    level1: i.level1.text,
    level2: i.level2.text,
    name: kept(grid, i.name),
    target: kept(grid, i.targetText),
    weight: weights.get(n) ?? null,
  }));
}

/**
 * This year's 自评表 from the project's 绩效目标申报表 (rules.md §7.3): its 项目名称, 主管部门, 实施单位; its 年度资金总额
 * and parts as 年初预算数 (全年预算数 and 全年执行数 left for the accountant); its 年度目标 as 预期目标; every indicator
 * — 一级, 二级, 三级, 年度指标值 — exactly as declared, 实际完成值 empty; 分值 from the profile; the live formulas.
 * A 部门整体 目标表 gives a 部门整体 自评表.
 */
export function declarationTemplateSpec(grid: Grid, profile: Profile, options: { readonly year?: number; readonly sheetName?: string } = {}): DeclarationTemplate {
  const layout = locateForm(grid);
  if (!layout || !isDeclaration(layout.kind)) return { ok: false, message: `工作表“${grid.sheet}”中没有找到绩效目标申报表` };
  const model = readForm(grid, layout);
  const department = layout.kind === "departmentDeclaration";
  const year = options.year ?? model.year ?? new Date().getFullYear();
  const declared = model.declaredFunds;
  const fundsRows = declared.length
    ? declared.map((r, i) => ({ label: i === 0 ? "年度资金总额：" : fundsLabel(r.label.text), initialBudget: amount(r.amount) }))
    : department
      ? DEPARTMENT_FUNDS_ROWS
      : undefined;
  const spec = layoutFormSheet(
    {
      title: department ? DEPARTMENT_TITLE : DEFAULT_TITLE,
      year,
      projectName: kept(grid, model.projectName),
      department: kept(grid, model.department),
      implementer: kept(grid, model.implementer),
      amountUnit: model.amountUnit,
      budgetWeight: new D(profile.budgetWeight).toNumber(),
      goalExpected: kept(grid, model.goal.expected),
      indicators: declaredIndicators(grid, model, profile),
      ...(fundsRows ? { fundsRows } : {}),
      ...(department ? { nameLabel: "部门名称" } : {}),
    },
    profile,
    options.sheetName ?? "自评表",
  );
  return { ok: true, spec, year };
}

/** A blank 部门整体支出绩效自评表 (`ziping template --kind department`): 基本支出 / 人员经费 / 公用经费 / 项目支出 rows. */
export function departmentTemplateSpec(profile: Profile, options: { readonly year?: number; readonly sheetName?: string } = {}): SheetSpec {
  return layoutFormSheet(
    { ...blankContent(profile, options.year, DEPARTMENT_TITLE), fundsRows: DEPARTMENT_FUNDS_ROWS, nameLabel: "部门名称" },
    profile,
    options.sheetName ?? "自评表",
  );
}
