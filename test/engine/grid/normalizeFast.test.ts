/**
 * The label and prose normalisers after issue 23's speed-ups (a look before replacing, a loop instead of a replace
 * callback, caches) give what their regular-expression forms gave, on random texts drawn from the characters they
 * touch and their neighbours.
 */
import fc from "fast-check";
import { normalizeLabel, normalizeProse, toHalfWidth } from "../../../src/engine/grid/normalizeLabel";
import { toSimplified } from "../../../src/engine/grid/simplified";

const FULL_TO_HALF: Record<string, string> = { "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "【": "[", "】": "]", "　": " ", "％": "%", "＝": "=", "＞": ">", "＜": "<" };
const regexHalfWidth = (text: string) => text.replace(/[\uff01-\uff5e\u3000【】（）：，；]/g, (ch) => FULL_TO_HALF[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

const alphabet = fc.constantFrom(..."（）：，；【】　％＝＞＜Ａｚ１！～\uff00\uff5f\u3001\u3002\u300f\u3012績效評價項目執行率满意度指标 a1:：\n\t".split(""), "𠀀");
const text = fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(""));

describe("normalisers", () => {
  it("toHalfWidth: as the replace it was", () => {
    fc.assert(fc.property(text, (t) => expect(toHalfWidth(t)).toBe(regexHalfWidth(t))), { numRuns: 2000 });
  });

  it("toSimplified: unchanged texts returned as they are, traditional characters simplified", () => {
    expect(toSimplified("績效自評表（執行率）")).toBe("绩效自评表（执行率）");
    const plain = "项目支出绩效自评表";
    expect(toSimplified(plain)).toBe(plain);
  });

  it("normalizeLabel and normalizeProse: the same answer asked twice (cached) as once", () => {
    fc.assert(
      fc.property(text, (t) => {
        const label = toSimplified(regexHalfWidth(t)).replace(/\s+/g, "").replace(/[:]+$/, "");
        expect(normalizeLabel(t)).toBe(label);
        expect(normalizeLabel(t)).toBe(label);
        const prose = toSimplified(regexHalfWidth(t)).replace(/[\s\p{P}\p{S}]+/gu, "");
        expect(normalizeProse(t)).toBe(prose);
        expect(normalizeProse(t)).toBe(prose);
      }),
      { numRuns: 2000 },
    );
  });
});
