import { normalizeLabel } from "../grid/normalizeLabel";
import { labelCore } from "./match";

/**
 * The 一级 indicators (rules.md §1): 产出, 效益, 满意度, and 成本 as a 一级 of its own (rules.md §1.7, as the 2021 central
 * guidance 财预〔2021〕101号 sets it), or a label that names none of them.
 */
export type Level1Kind = "output" | "benefit" | "satisfaction" | "cost" | "unknown";
export type KnownLevel1 = Exclude<Level1Kind, "unknown">;

/**
 * The 一级 → 二级 vocabulary: each 一级's printed name and the 二级 names that belong under it (rules.md §1).
 * `alsoAccepted` are 二级 names real forms print that are not in the standard list but mean the same.
 */
export const LEVELS: Readonly<Record<KnownLevel1, { readonly name: string; readonly level2: readonly string[]; readonly alsoAccepted: readonly string[] }>> = Object.freeze({
  output: Object.freeze({ name: "产出指标", level2: Object.freeze(["数量指标", "质量指标", "时效指标", "成本指标"]), alsoAccepted: Object.freeze([]) }),
  benefit: Object.freeze({
    name: "效益指标",
    level2: Object.freeze(["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
    alsoAccepted: Object.freeze([]),
  }),
  satisfaction: Object.freeze({ name: "满意度指标", level2: Object.freeze(["服务对象满意度指标"]), alsoAccepted: Object.freeze(["满意度指标"]) }),
  cost: Object.freeze({ name: "成本指标", level2: Object.freeze(["经济成本指标", "社会成本指标", "生态环境成本指标"]), alsoAccepted: Object.freeze(["成本指标", "生态成本指标"]) }),
});

/** The 一级 every form has and every 评分方案 weighs (成本 as a 一级 is weighed with 产出: LEVEL1_WEIGHT_NONSTANDARD). */
export const LEVEL1_KINDS: readonly Exclude<KnownLevel1, "cost">[] = ["output", "benefit", "satisfaction"];

/** Words of a 一级 label that tell its kind (`产出指标(50分)`, `效果指标`, `满意\n度指标`). */
const LEVEL1_WORDS: readonly [KnownLevel1, readonly string[]][] = [
  ["cost", ["成本"]],
  ["output", ["产出"]],
  ["benefit", ["效益", "效果"]],
  ["satisfaction", ["满意"]],
];

/** The kind of a 一级 label as printed. */
export function level1KindOf(label: string): Level1Kind {
  const t = normalizeLabel(label);
  return LEVEL1_WORDS.find(([, words]) => words.some((w) => t.includes(w)))?.[0] ?? "unknown";
}

/** Whether a label is a 一级 name itself (`产出指标`, `效益`, `满意度指标`, `成本指标`), not a grouping above them (`实施效果指标`). */
export function isLevel1Name(label: string): boolean {
  // by its core words: `产出指标(70分)`, `一、产出指标` are 一级 names too
  return /^(?:产出|效益|满意度|成本)(?:指标)?$/.test(labelCore(label).core);
}

/** A 二级 label reduced to its key: `数量 指标` → `数量`, `社会效益类` → `社会效益`. */
export function level2Key(label: string): string {
  return normalizeLabel(label).replace(/(指标|类)$/, "");
}

/** Whether a 二级 label belongs under a 一级 kind. */
export function level2Belongs(kind: KnownLevel1, label: string): boolean {
  const key = level2Key(label);
  // any 满意度 二级 under 满意度 (`群众满意度指标`), and under 效益 where the 2015 central template puts
  // `社会公众或服务对象满意度指标`
  if ((kind === "satisfaction" || kind === "benefit") && key.includes("满意")) return true;
  const { level2, alsoAccepted } = LEVELS[kind];
  return [...level2, ...alsoAccepted].some((name) => level2Key(name) === key);
}

/**
 * The 一级 a 二级 name belongs under, when it is a standard 二级 and not a 一级 name as well (`数量指标` → 产出,
 * `社会效益指标` → 效益; `成本指标` is both and says nothing): a table whose first level column holds 二级 names.
 */
export function level1KindOfLevel2(label: string): KnownLevel1 | null {
  if (isLevel1Name(label)) return null;
  const key = level2Key(labelCore(label).core);
  for (const kind of ["output", "benefit", "satisfaction", "cost"] as const) {
    if (LEVELS[kind].level2.some((w) => level2Key(w) === key)) return kind;
  }
  return null;
}
