import { Profile } from "../profiles/profile";
import { D, Dec } from "../number/decimal";
import { SheetSpec } from "../sheet/sheetSpec";
import { FormContent, layoutFormSheet, TemplateIndicator } from "./formSheet";

export interface NewTemplateOptions {
  /** The year the form evaluates; the current year when absent. */
  readonly year?: number;
  /** The worksheet's name; `自评表` when absent. */
  readonly sheetName?: string;
}

export const DEFAULT_TITLE = "财政项目支出绩效自评表";
export const DEFAULT_SHEET_NAME = "自评表";

interface DefaultRow {
  readonly level2: string;
  readonly name: string;
  readonly target: string;
  /** Share of the 一级 total (profile level1Weights) this row gets. */
  readonly share: number;
}

/** The rows of a new form: every standard 二级 once, with a typical target format as an example. */
const DEFAULT_ROWS: readonly { readonly level1: string; readonly weightOf: keyof Profile["level1Weights"]; readonly rows: readonly DefaultRow[] }[] = [
  {
    level1: "产出指标",
    weightOf: "output",
    rows: [
      { level2: "数量指标", name: "完成项目数量", target: "≥1.00(项)", share: 4 },
      { level2: "质量指标", name: "验收合格率", target: "≥95.00(%)", share: 3 },
      { level2: "时效指标", name: "按时完成率", target: "≥95.00(%)", share: 2 },
      { level2: "成本指标", name: "成本控制率", target: "≤100.00(%)", share: 1 },
    ],
  },
  {
    level1: "效益指标",
    weightOf: "benefit",
    rows: [
      { level2: "经济效益指标", name: "降低运行成本", target: "有效降低", share: 1 },
      { level2: "社会效益指标", name: "服务覆盖率", target: "≥95.00(%)", share: 3 },
      { level2: "生态效益指标", name: "节能减排", target: "达到标准", share: 1 },
      { level2: "可持续影响指标", name: "设施设备使用年限", target: "≥3.00(年)", share: 1 },
    ],
  },
  {
    level1: "满意度指标",
    weightOf: "satisfaction",
    rows: [{ level2: "服务对象满意度指标", name: "服务对象满意度", target: "≥90.00(%)", share: 1 }],
  },
];

/**
 * Split a 一级 total over its rows by their shares, in whole hundredths, the last row taking the remainder
 * so the rows add up to the total exactly.
 * @example splitWeight(new D(50), [4, 3, 2, 1]).map(String) //=> ["20", "15", "10", "5"]
 */
export function splitWeight(total: Dec, shares: readonly number[]): Dec[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  const parts = shares.map((s) => total.times(s).dividedBy(sum).toDecimalPlaces(2, D.ROUND_DOWN));
  const rest = parts.slice(0, -1).reduce((s, x) => s.plus(x), new D(0));
  parts[parts.length - 1] = total.minus(rest);
  return parts;
}

/** The default indicator rows of a new form, weighted to the profile's 一级 totals (50 / 30 / 10 by default). */
export function defaultIndicators(profile: Profile): TemplateIndicator[] {
  return DEFAULT_ROWS.flatMap(({ level1, weightOf, rows }) => {
    const weights = splitWeight(new D(profile.level1Weights[weightOf]), rows.map((r) => r.share));
    return rows.map((r, i) => ({ level1, level2: r.level2, name: r.name, target: r.target, weight: weights[i].toNumber() }));
  });
}

/**
 * A blank 自评表 for a new project, laid out like the printed forms, with live formulas.
 * @example newTemplateSpec(getProfile()!, { year: 2024 }).name //=> "自评表"
 */
export function newTemplateSpec(profile: Profile, options: NewTemplateOptions = {}): SheetSpec {
  return layoutFormSheet(blankContent(profile, options.year, DEFAULT_TITLE), profile, options.sheetName ?? DEFAULT_SHEET_NAME);
}

/** A blank form's content: the profile's indicators and budget weight, nothing filled in (a 部门整体 form adds its rows). */
export function blankContent(profile: Profile, year: number | undefined, title: string): FormContent {
  return {
    title,
    year: year ?? new Date().getFullYear(),
    projectName: null,
    department: null,
    implementer: null,
    amountUnit: "万元",
    budgetWeight: new D(profile.budgetWeight).toNumber(),
    goalExpected: null,
    indicators: defaultIndicators(profile),
  };
}
