import { readFile } from "node:fs/promises";
import { Profile, PROFILES, resolveProfile } from "../engine";

/**
 * `--profile`: a built-in id or the path of a .json file changing some settings of one (`{"base": "putuo-2023",
 * "lowExecutionRate": "85"}`). Every command resolves it here, through the engine's one resolver, so `check`, `fix`
 * and `template` accept and refuse the same profiles. Returns the profile, or the Chinese reason for exit 2.
 */
export async function profileOption(value: string | undefined): Promise<{ ok: true; profile: Profile } | { ok: false; message: string }> {
  if (value === undefined || !/\.json$/i.test(value)) return resolveProfile(value);
  let text: string;
  try {
    text = await readFile(value, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : code === "EISDIR" ? "这是一个文件夹" : "无法读取";
    return { ok: false, message: `无法读取评分方案文件“${value}”（${why}）` };
  }
  return resolveProfile({ kind: "json", text, origin: value });
}

/** The choices of `--profile`, for usage texts. */
export const PROFILE_CHOICES = `${Object.keys(PROFILES).join("|")}|方案.json`;

/**
 * How a profile chosen with --profile is kept in a workbook's store: a built-in by its id; the user's own settings
 * whole, as a profile document on its base (`{"base":"putuo-2023","rounding":"halfUp",…}`), so that the workbook is
 * checked the same way wherever it goes, without the .json file.
 */
export function profileRecord(profile: Profile): string {
  if (PROFILES[profile.id] === profile) return profile.id;
  const { id, ...settings } = profile;
  return JSON.stringify({ base: id.replace(/\+custom$/, ""), ...settings });
}
