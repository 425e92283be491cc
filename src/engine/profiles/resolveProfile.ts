import * as v from "valibot";
import { D } from "../number/decimal";
import { DEFAULT_PROFILE_ID, getProfile, Profile, PROFILES } from "./profile";

/**
 * The one way every edge (CLI, .xlsx file host, Excel host, ribbon, templates) turns what the user chose into a
 * Profile: a built-in id, or a JSON document (a profile file, or one stored with the workbook) that changes some
 * settings of a built-in one. The JSON is deep-merged onto its base and the merged profile validated as a whole,
 * so a partial or wrong profile is refused with a Chinese message naming the key — never an exception later.
 */
export type ProfileSource =
  | { readonly kind: "id"; readonly id: string }
  /** `origin` names where the text came from (a file's path, 工作簿), for the message. */
  | { readonly kind: "json"; readonly text: string; readonly origin?: string };

export type ProfileResolution =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly message: string; /** The offending setting, dotted (`level1Weights.output`). */ readonly key?: string };

/** What each setting is called in the messages, beside its key. */
const SETTING_NAMES: Readonly<Record<string, string>> = {
  base: "基础评分方案",
  id: "方案编号",
  name: "方案名称",
  rounding: "舍入方式",
  budgetWeight: "预算执行分数",
  level1Weights: "一级指标参考权重",
  "level1Weights.output": "产出指标参考权重",
  "level1Weights.benefit": "效益指标参考权重",
  "level1Weights.satisfaction": "满意度指标参考权重",
  reverseScoring: "反向指标计分方式",
  qualitativeBands: "定性指标得分区间",
  "qualitativeBands.achieved": "“达成”得分下限（占分值比例）",
  "qualitativeBands.partial": "“部分达成”得分下限（占分值比例）",
  gradeBands: "评分等级分数线",
  lowExecutionRate: "执行率偏低的界限",
  overachieveFactor: "超额完成的倍数",
  costTolerance: "成本指标与执行率允许的差距",
};

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/** A non-negative decimal, typed as text ("50") or as a JSON number (50); kept as text, the profile's form. */
const decimal = v.pipe(
  v.union([v.string(), v.number()], "应为数字"),
  v.transform((x) => (typeof x === "number" ? String(x) : x.trim())),
  v.regex(DECIMAL_TEXT, "应为不小于 0 的数字，如 \"50\" 或 \"0.8\""),
);

const fraction = v.pipe(
  decimal,
  v.check((x) => Number(x) <= 1, "应为 0 到 1 之间的比例，如 \"0.8\""),
);

const gradeBand = v.strictObject({
  grade: v.picklist(["优", "良", "中"], "应为“优”“良”或“中”"),
  min: decimal,
});

/** The whole profile, as it must be after merging. Unknown keys are refused (strict objects). */
const PROFILE_SCHEMA = v.pipe(
  v.strictObject({
    id: v.pipe(v.string("应为文字"), v.minLength(1, "不能为空")),
    name: v.pipe(v.string("应为文字"), v.minLength(1, "不能为空")),
    rounding: v.picklist(["truncate", "halfUp"], "应为 \"truncate\"（截尾）或 \"halfUp\"（四舍五入）"),
    budgetWeight: decimal,
    level1Weights: v.strictObject({ output: decimal, benefit: decimal, satisfaction: decimal }),
    reverseScoring: v.picklist(["ratio", "linear"], "应为 \"ratio\" 或 \"linear\""),
    qualitativeBands: v.pipe(
      v.strictObject({ achieved: fraction, partial: fraction }),
      v.check((b) => Number(b.partial) < Number(b.achieved), "“部分达成”的下限应小于“达成”的下限"),
    ),
    gradeBands: v.pipe(
      v.array(gradeBand, "应为分数线列表，如 [{\"grade\":\"优\",\"min\":\"90\"}, …]"),
      v.minLength(1, "至少要有一条分数线"),
      v.check((bands) => bands.every((b, i) => i === 0 || Number(b.min) < Number(bands[i - 1].min)), "分数线应从高到低排列"),
      v.check((bands) => new Set(bands.map((b) => b.grade)).size === bands.length, "每个等级只能出现一次"),
    ),
    lowExecutionRate: decimal,
    overachieveFactor: decimal,
    costTolerance: decimal,
  }),
);

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** `changes` over `base`, object by object; arrays and values replace. */
function deepMerge(base: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** What a setting is called in Chinese (`舍入方式`), or "" for a key without a name. */
const settingName = (key: string): string => SETTING_NAMES[key] ?? "";

const known = Object.keys(PROFILES).join("、");

function fromJson(text: string, origin: string | undefined): ProfileResolution {
  const where = origin ? `${origin}：` : "";
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `${where}评分方案不是有效的 JSON` };
  }
  if (!isPlainObject(data)) return { ok: false, message: `${where}评分方案应为一个 JSON 对象，如 {"base": "putuo-2023", "lowExecutionRate": "85"}` };
  const { base = DEFAULT_PROFILE_ID, ...changes } = data;
  const baseProfile = typeof base === "string" ? getProfile(base) : undefined;
  if (!baseProfile) return { ok: false, key: "base", message: `${where}未知的基础评分方案“${String(base)}”，可选：${known}` };
  for (const key of Object.keys(changes)) {
    if (!(key in baseProfile)) return { ok: false, key, message: `${where}评分方案中没有“${key}”这一项（可设置的项：${Object.keys(baseProfile).join("、")}）` };
  }
  const merged = deepMerge({ ...baseProfile, id: `${baseProfile.id}+custom` }, changes);
  const parsed = v.safeParse(PROFILE_SCHEMA, merged);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const key = v.getDotPath(issue) ?? "";
    if (issue.type === "strict_object" && key) {
      return { ok: false, key, message: `${where}评分方案中没有“${key}”这一项` };
    }
    if (issue.input === undefined) return { ok: false, key, message: `${where}评分方案缺少“${key}”（${settingName(key)}）` };
    const what = key ? `“${key}”的取值` : "的取值";
    return { ok: false, key, message: `${where}评分方案${what} ${JSON.stringify(issue.input)} 无效：${settingName(key)}${issue.message}` };
  }
  const sum = weightSumError(parsed.output as Profile);
  if (sum) return { ok: false, key: "level1Weights", message: `${where}${sum}` };
  return { ok: true, profile: Object.freeze(parsed.output) as Profile };
}

/**
 * A profile's weights are the form's 100 points: 预算执行 + 产出 + 效益 + 满意度. Any other sum would judge every form
 * against weights no form can meet (issue 18: a merged `{"level1Weights":{"output":"60"}}` gave 110, silently).
 */
function weightSumError(p: Profile): string | null {
  const parts = [p.budgetWeight, p.level1Weights.output, p.level1Weights.benefit, p.level1Weights.satisfaction];
  const sum = parts.reduce((s, x) => s.plus(x), new D(0));
  if (sum.equals(100)) return null;
  const [b, o, e, s] = parts.map((x) => new D(x).toString());
  return `评分方案的分值合计为 ${sum.toString()}（预算执行 ${b} + 产出指标 ${o} + 效益指标 ${e} + 满意度指标 ${s}），应为 100；请调整各项权重`;
}

/**
 * A Profile from an id or a JSON document; nothing (undefined) means the default profile. A string that starts
 * with `{` is read as JSON (a profile stored with a workbook), any other string as an id.
 * @example resolveProfile("mof-2020") //=> { ok: true, profile: { id: "mof-2020", rounding: "halfUp", … } }
 * @example resolveProfile({ kind: "json", text: '{"level1Weights":{"output":"x"}}' }).ok //=> false
 */
export function resolveProfile(source?: ProfileSource | string | null): ProfileResolution {
  if (source === undefined || source === null || source === "") return { ok: true, profile: getProfile(DEFAULT_PROFILE_ID)! };
  const s: ProfileSource = typeof source === "string" ? (source.trim().startsWith("{") ? { kind: "json", text: source } : { kind: "id", id: source }) : source;
  if (s.kind === "json") return fromJson(s.text, s.origin);
  const profile = getProfile(s.id);
  return profile ? { ok: true, profile } : { ok: false, message: `未知的评分方案“${s.id}”，可选：${known}，或一个评分方案 .json 文件` };
}
