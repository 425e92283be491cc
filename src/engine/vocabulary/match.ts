import { normalizeLabel } from "../grid/normalizeLabel";
import type { Vocabulary } from "./fields";

/** A label as the vocabulary sees it: its core words, and a weight it prints (`产出指标(50分)` → 50). */
export interface LabelCore {
  /** normalizeLabel() of the text: no spaces, half-width punctuation, no trailing colon. */
  readonly normalized: string;
  /** No spaces, half-width punctuation, no bracketed decorations, no numbering, no ★, no trailing colon. */
  readonly core: string;
  /** A weight printed in the label (`(20分)`, `(20分*执行率)`, `（50 分）`), as decimal text; null when none. */
  readonly weight: string | null;
}

const WEIGHT_IN_LABEL = /\((\d+(?:\.\d+)?)分/;
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|<[^<>]*>/g;
const NUMBERING = /^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}[、.]|\(\d{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])/;
const MARKS = /^[★☆*※#]+/;

const coreCache = new Map<string, LabelCore>();

/**
 * The core words of a label.
 * @example labelCore("得分 (20 分*执行率)") //=> { core: "得分", weight: "20" }
 * @example labelCore("全年预算数（A）") //=> { core: "全年预算数", weight: null }
 * @example labelCore("1.项目年度目标完成情况") //=> { core: "项目年度目标完成情况", weight: null }
 */
export function labelCore(text: string): LabelCore {
  const cached = coreCache.get(text);
  if (cached) return cached;
  const normalized = normalizeLabel(text);
  const weight = WEIGHT_IN_LABEL.exec(normalized)?.[1] ?? null;
  let core = normalized;
  for (let previous = ""; previous !== core; ) {
    previous = core;
    core = core.replace(BRACKETED, "");
  }
  core = core.replace(MARKS, "").replace(NUMBERING, "").replace(/[:：]+$/, "").replace(/^其中[:：]?/, "");
  const result = { normalized, core, weight };
  if (coreCache.size > 20_000) coreCache.clear();
  coreCache.set(text, result);
  return result;
}

/**
 * How well a label's core says one of a field's words: 1 for the word itself; less for a label that contains the
 * word (the longer the rest, the less), 0 for none. Labels of one character never match by containment.
 */
export function wordScore(core: string, words: readonly string[]): number {
  let cache = scoreCache.get(words);
  if (!cache) scoreCache.set(words, (cache = new Map()));
  const hit = cache.get(core);
  if (hit !== undefined) return hit;
  const score = scoreWords(core, words);
  if (cache.size > 20_000) cache.clear();
  cache.set(core, score);
  return score;
}

/** Memo of wordScore by word list (the vocabulary's lists are constants) and core. */
const scoreCache = new WeakMap<readonly string[], Map<string, number>>();

function scoreWords(core: string, words: readonly string[]): number {
  let best = 0;
  for (const w of words) {
    if (core === w) return 1;
    if (w.length >= 2 && core.length > w.length && core.includes(w)) {
      // a word at either end reads as the head of the label (`全年实际完成值`, `实际完成值说明`)
      const atEnd = core.endsWith(w) || core.startsWith(w) ? 0.1 : 0;
      best = Math.max(best, 0.55 + atEnd + 0.3 * (w.length / core.length));
    }
  }
  return best;
}

export interface FieldMatch<F extends string> {
  readonly field: F;
  readonly score: number;
}

const matchCache = new WeakMap<object, Map<string, FieldMatch<string> | null>>();

/** The field whose words a label's core fits best, or null. Ties go to the field listed first. */
export function bestField<F extends string>(core: string, vocabulary: Vocabulary<F>): FieldMatch<F> | null {
  let cache = matchCache.get(vocabulary);
  if (!cache) matchCache.set(vocabulary, (cache = new Map()));
  const hit = cache.get(core);
  if (hit !== undefined) return hit as FieldMatch<F> | null;
  let best: FieldMatch<F> | null = null;
  for (const field of Object.keys(vocabulary) as F[]) {
    const score = wordScore(core, vocabulary[field]);
    if (score > 0 && (best === null || score > best.score)) best = { field, score };
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(core, best);
  return best;
}

/** Whether a core is one of the words, or starts with one (`评价结论`, `评价结论:…`). */
export function startsWithWord(core: string, words: readonly string[]): boolean {
  return words.some((w) => core.startsWith(w));
}
