// Text analysis shared by indexing and matching (pure: no server-only, used by tests and benches).
// English: lower-cased words, stop words removed, Porter-stemmed. Chinese: jieba words (search
// mode, so a compound also yields its parts: 动力电池 -> 动力, 电池, 动力电池), stop words removed.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { porterStem } from "./stem";
import { EN_STOP_WORDS, ZH_STOP_WORDS } from "./stopwords";
import { THESAURUS } from "./thesaurus";

let jiebaInstance: Jieba | undefined;
/** jieba with its default dictionary plus the thesaurus' technical terms (石墨烯 stays one word). */
export function jieba(): Jieba {
  if (!jiebaInstance) {
    const j = Jieba.withDict(dict);
    const words = THESAURUS.map((e) => e.zh).filter((w) => CJK.test(w));
    j.loadDict(Buffer.from(words.map((w) => `${w} 2000 n`).join("\n") + "\n"));
    jiebaInstance = j;
  }
  return jiebaInstance;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
// Latin words incl. digits; hyphenated compounds are split on the hyphen.
const LATIN_WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

export const hasCjk = (text: string): boolean => CJK.test(text);

/** Share of CJK characters among the letters of a text: >= 0.3 counts as Chinese. */
export function detectLang(text: string): "zh" | "en" {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (CJK.test(ch)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk > 0 && cjk * 3 >= latin / 4 ? "zh" : "en";
}

/** Normalises a text: NFKC (full-width -> half-width), lower case. */
export const normalize = (text: string): string => text.normalize("NFKC").toLowerCase();

export function stemEnglish(word: string): string {
  return /^[a-z]+$/.test(word) ? porterStem(word) : word;
}

/** English content words (stop words out), each with its stem. */
export function englishWords(text: string): { word: string; stem: string }[] {
  const out: { word: string; stem: string }[] = [];
  for (const m of normalize(text).replace(CJK_RUN, " ").matchAll(LATIN_WORD)) {
    const word = m[0].replace(/'s$/, "");
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (EN_STOP_WORDS.has(word) || /^\d{1}$/.test(word)) continue;
    out.push({ word, stem: stemEnglish(word) });
  }
  return out;
}

const isZhContent = (w: string) => CJK.test(w) && !ZH_STOP_WORDS.has(w) && !(w.length === 1 && ZH_STOP_WORDS.has(w));

/** Chinese words of the CJK runs of a text (jieba search mode), stop words and punctuation out. */
export function chineseWords(text: string): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(CJK_RUN)) {
    for (const w of jieba().cutForSearch(m[0], true)) if (isZhContent(w)) out.push(w);
  }
  return out;
}

/** Chinese words of a text in default (not search) mode: used to find phrases for queries. */
export function chineseWordsCoarse(text: string): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(CJK_RUN)) {
    for (const w of jieba().cut(m[0], true)) if (isZhContent(w)) out.push(w);
  }
  return out;
}

/**
 * The analysed terms of a text (a bag of words): English stems, then Chinese words. This is what
 * documents store in their `terms` field and what the matcher's BM25 re-ranking counts.
 */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const { stem } of englishWords(text)) terms.push(stem);
  for (const w of chineseWords(text)) terms.push(w);
  return terms;
}
