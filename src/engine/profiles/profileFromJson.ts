import { customizeProfile, getProfile, Profile, PROFILES } from "./profile";

export type ProfileParse = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly message: string };

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A user's own profile: `{ "base": "putuo-2023", "rounding": "halfUp", "lowExecutionRate": "85", … }` — any
 * setting of a built-in profile changed. Unknown keys and malformed values are refused with a Chinese reason.
 */
export function profileFromJson(text: string): ProfileParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "评分方案文件不是有效的 JSON" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, message: "评分方案文件应为一个 JSON 对象" };
  const { base = "putuo-2023", ...changes } = data as Record<string, unknown>;
  const baseProfile = typeof base === "string" ? getProfile(base) : undefined;
  if (!baseProfile) return { ok: false, message: `未知的基础评分方案“${String(base)}”，可选：${Object.keys(PROFILES).join("、")}` };
  for (const [key, value] of Object.entries(changes)) {
    if (!(key in baseProfile)) return { ok: false, message: `评分方案中没有“${key}”这一项` };
    const current = (baseProfile as unknown as Record<string, unknown>)[key];
    const ok =
      key === "rounding" ? value === "truncate" || value === "halfUp"
      : key === "reverseScoring" ? value === "ratio" || value === "linear"
      : typeof current === "string" ? typeof value === "string" && (key === "id" || key === "name" || DECIMAL.test(value))
      : key === "gradeBands" ? Array.isArray(value) && value.every((b) => typeof b?.grade === "string" && DECIMAL.test(String(b?.min)))
      : typeof value === "object" && value !== null && Object.entries(value).every(([k, v]) => k in (current as object) && DECIMAL.test(String(v)));
    if (!ok) return { ok: false, message: `评分方案“${key}”的取值 ${JSON.stringify(value)} 无效` };
  }
  return { ok: true, profile: customizeProfile(baseProfile, { id: `${baseProfile.id}+custom`, ...(changes as Partial<Profile>) }) };
}
