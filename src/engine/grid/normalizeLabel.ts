/**
 * Label text as the locator compares it: no white space or line breaks, half-width punctuation,
 * no trailing colon. `一级 指标` → `一级指标`, `全年预算数（A）` → `全年预算数(A)`, `年度资金总额：` → `年度资金总额`.
 */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[:]+$/, "");
}

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

/** Full-width ASCII forms (Ａ１（) and the common CJK punctuation to their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const mapped = FULL_TO_HALF[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  }
  return out;
}

/** Text compared for "the same words": no spaces, no punctuation of either width, no quotes. */
export function normalizeProse(text: string): string {
  return toHalfWidth(text).replace(/[\s\p{P}\p{S}]+/gu, "");
}
