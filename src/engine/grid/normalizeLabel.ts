import { toSimplified } from "./simplified";

/**
 * Label text as the locator compares it: no white space or line breaks, half-width punctuation, simplified
 * characters, no trailing colon. `一级 指标` → `一级指标`, `全年预算数（A）` → `全年预算数(A)`, `年度资金总额：` →
 * `年度资金总额`, `執行率` → `执行率`.
 */
export function normalizeLabel(text: string): string {
  // every label is compared many times over (its row's kind, its 二级's key, its core): worked out once
  let label = labelCache.get(text);
  if (label === undefined) {
    label = toSimplified(toHalfWidth(text))
      .replace(/\s+/g, "")
      .replace(/[:]+$/, "");
    if (labelCache.size > 20_000) labelCache.clear();
    labelCache.set(text, label);
  }
  return label;
}

const labelCache = new Map<string, string>();

const FULL_TO_HALF: Record<string, string> = {
  "（": "(",
  "）": ")",
  "：": ":",
  "，": ",",
  "；": ";",
  "【": "[",
  "】": "]",
  "　": " ",
  "％": "%",
  "＝": "=",
  "＞": ">",
  "＜": "<",
};

const FULL_WIDTH = /[\uff01-\uff5e\u3000【】（）：，；]/;

/** Full-width ASCII forms (Ａ１（) and the common CJK punctuation to their half-width forms. */
export function toHalfWidth(text: string): string {
  // most texts need nothing, or a few brackets: looked for first, then replaced in one pass
  if (!FULL_WIDTH.test(text)) return text;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let half: string | undefined;
    if (c >= 0xff01 && c <= 0xff5e) half = FULL_TO_HALF[text[i]] ?? String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x3010 || c === 0x3011) half = FULL_TO_HALF[text[i]];
    if (half === undefined) continue;
    out += text.slice(from, i) + half;
    from = i + 1;
  }
  return out + text.slice(from);
}

const proseCache = new Map<string, string>();

/** Text compared for "the same words": no spaces, no punctuation of either width, no quotes. */
export function normalizeProse(text: string): string {
  // the same names and goals come back form after form (a workbook of thousands of forms): each is worked out once
  const cached = proseCache.get(text);
  if (cached !== undefined) return cached;
  const prose = toSimplified(toHalfWidth(text)).replace(/[\s\p{P}\p{S}]+/gu, "");
  if (proseCache.size > 20_000) proseCache.clear();
  proseCache.set(text, prose);
  return prose;
}
