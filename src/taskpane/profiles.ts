import { PROFILES, resolveProfile } from "../engine";
import type { Profile } from "../engine";

/**
 * The 评分方案 as the pane offers them: the national one (财预〔2020〕10号) first, then the others, each with one line on
 * what differs; the choice remembered in this browser; a name for any 评分方案 in use, a workbook's own included.
 */

/** National first: a county bureau anywhere in China starts from the Ministry of Finance's rules. */
const ORDER = ["mof-2020", "putuo-2023"];

/** One line each, on what this 评分方案 does differently (the settings are in src/engine/profiles/profile.ts). */
const LINES: Readonly<Record<string, string>> = {
  "mof-2020": "全国通用（财政部《项目支出绩效评价管理办法》财预〔2020〕10号）：执行率和得分四舍五入保留两位小数。",
  "putuo-2023": "上海市普陀区 2023 年的算法：执行率和得分截尾保留两位小数（93.7756 记为 93.77），其余与财预〔2020〕10号相同。",
};

export interface ProfileOption {
  readonly id: string;
  readonly name: string;
  readonly line: string;
}

/** The built-in 评分方案 in the order offered, and `current` when it is a workbook's own (a profile document). */
export function profileOptions(current?: string | null): readonly ProfileOption[] {
  const ids = [...ORDER.filter((id) => PROFILES[id]), ...Object.keys(PROFILES).filter((id) => !ORDER.includes(id))];
  const options = ids.map((id) => ({ id, name: PROFILES[id].name, line: LINES[id] ?? "" }));
  if (current && !PROFILES[current]) {
    const own = resolveProfile(current);
    if (own.ok) options.push({ id: current, name: `${own.profile.name}（本工作簿保存的方案）`, line: "这份工作簿自己保存的评分方案，在其他方案的基础上改了部分设置。" });
  }
  return options;
}

/** The 评分方案 of an id or profile document, or null when it cannot be used. */
export function profileOf(source: string): Profile | null {
  const r = resolveProfile(source);
  return r.ok ? r.profile : null;
}

/** Its name as the pane shows it: “财预〔2020〕10号（四舍五入）”. */
export function profileName(source: string): string {
  return profileOf(source)?.name ?? source;
}

/** This browser's memory of the 评分方案 chosen last (the same key the file host has always used). */
export interface ProfileMemory {
  get(): string | null;
  set(id: string): void;
}

const KEY = "ziping.profile";

export function browserProfileMemory(storage: Pick<Storage, "getItem" | "setItem"> | undefined = typeof localStorage !== "undefined" ? localStorage : undefined): ProfileMemory {
  return {
    get() {
      try {
        const id = storage?.getItem(KEY) ?? null;
        return id && profileOf(id) ? id : null;
      } catch {
        return null;
      }
    },
    set(id) {
      try {
        storage?.setItem(KEY, id);
      } catch {
        // a browser without storage asks again next time
      }
    },
  };
}
