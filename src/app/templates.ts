import { departmentTemplateSpec, FormKind, Grid, newTemplateSpec, nextYearTemplateSpec, Profile, SheetSpec } from "../engine";

export interface MadeTemplate {
  readonly spec: SheetSpec;
  readonly year: number;
  /** The sheet the form was built from; absent for a new project's form. */
  readonly from?: string;
  /** What that sheet held: a 自评表 (next year's form) or a 申报表 (this year's 自评表 of its project, rules.md §7.3). */
  readonly fromKind?: FormKind;
}

export type TemplateResult = ({ readonly ok: true } & MadeTemplate) | { readonly ok: false; readonly code: "SHEET_NOT_FOUND" | "FORM_NOT_FOUND"; readonly message: string };

/**
 * 新建自评表: a blank form for a new project (or, `kind: "department"`, a blank 部门整体支出绩效自评表), in the
 * profile's weights and rounding, for `year` (default: this year).
 */
export function newTemplate(profile: Profile, options: { readonly year?: number; readonly kind?: "project" | "department" } = {}): TemplateResult {
  const year = options.year ?? new Date().getFullYear();
  return { ok: true, spec: options.kind === "department" ? departmentTemplateSpec(profile, { year }) : newTemplateSpec(profile, { year }), year };
}

/**
 * 生成下年度模板: next year's form from the named sheet, or from the first sheet that holds a 自评表. The same for
 * `ziping template --from`, the file host and the Excel host. The grids are only read.
 */
export function nextYearTemplate(grids: readonly Grid[], profile: Profile, options: { readonly sheet?: string } = {}): TemplateResult {
  if (options.sheet !== undefined) {
    const grid = grids.find((g) => g.sheet === options.sheet);
    if (!grid) return { ok: false, code: "SHEET_NOT_FOUND", message: `没有名为“${options.sheet}”的工作表（现有：${grids.map((g) => g.sheet).join("、")}）` };
    const made = nextYearTemplateSpec(grid, profile);
    return made.ok ? { ok: true, spec: made.spec, year: made.year, from: grid.sheet, fromKind: made.fromKind } : { ok: false, code: "FORM_NOT_FOUND", message: made.message };
  }
  for (const grid of grids) {
    const made = nextYearTemplateSpec(grid, profile);
    if (made.ok) return { ok: true, spec: made.spec, year: made.year, from: grid.sheet, fromKind: made.fromKind };
  }
  return { ok: false, code: "FORM_NOT_FOUND", message: "文件中没有找到自评表或绩效目标申报表，无法生成模板" };
}
