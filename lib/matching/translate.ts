// Query translation for bilingual matching: Chinese words -> English stems and English stem
// sequences -> Chinese words, from the curated thesaurus (first) and a CC-CEDICT extract
// (data/zh-en.tsv, built by data/build-zh-en.ts). Pure (reads a data file once).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { THESAURUS } from "./thesaurus";
import { englishWords } from "./terms";
// Type only: rank.ts imports this module at run time, not the other way round.
import type { QueryTerm } from "./rank";

type Dict = {
  zhToEn: Map<string, string[]>; // zh word -> English phrases (thesaurus first)
  enToZh: Map<string, string[]>; // English stem sequence ("boundari layer") -> zh words
  curated: Set<string>; // zh words from the thesaurus
  idf: Map<string, number>; // zh word -> jieba's idf (a general Chinese corpus's rarity)
};

let dict: Dict | undefined;

function dataFile(name = "zh-en.tsv"): string {
  const candidates = [path.join(process.cwd(), "lib/matching/data", name)];
  try {
    candidates.push(fileURLToPath(new URL(`./data/${name}`, import.meta.url)));
  } catch {
    /* not a file URL (bundled): cwd path only */
  }
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0]!;
}

const stemKey = (phrase: string) =>
  englishWords(phrase)
    .map((w) => w.stem)
    .join(" ");

function load(): Dict {
  if (dict) return dict;
  const zhToEn = new Map<string, string[]>();
  const enToZh = new Map<string, string[]>();
  const curated = new Set<string>();
  const idf = new Map<string, number>();
  const addRev = (key: string, zh: string, front = false) => {
    if (!key) return;
    const l = enToZh.get(key) ?? [];
    if (!l.includes(zh)) {
      if (front) l.unshift(zh);
      else l.push(zh);
    }
    enToZh.set(key, l);
  };
  for (const { zh, en } of THESAURUS) {
    zhToEn.set(zh.toLowerCase(), [...en]);
    curated.add(zh.toLowerCase());
    for (const e of en) addRev(stemKey(e), zh.toLowerCase(), true);
  }
  let text = "";
  try {
    text = fs.readFileSync(dataFile(), "utf8");
  } catch {
    // No dictionary file: the curated thesaurus alone still translates.
  }
  // Reverse entries from the dictionary: only keep unambiguous ones (see below).
  const rev = new Map<string, { zh: string; idf: number; primary: boolean }[]>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [zh, idfText, glossText, keysText] = line.split("\t");
    if (!zh || !glossText) continue;
    const glosses = glossText.split("|");
    const keys = keysText?.split("|") ?? glosses.map(stemKey);
    if (!zhToEn.has(zh)) zhToEn.set(zh, glosses);
    if (Number(idfText) > 0) idf.set(zh, Number(idfText));
    for (const [position, key] of keys.entries()) {
      if (!key) continue;
      const l = rev.get(key) ?? [];
      l.push({ zh, idf: Number(idfText), primary: position === 0 });
      rev.set(key, l);
    }
  }
  for (const [key, l] of rev) {
    if (enToZh.has(key)) continue; // curated wins
    // A single English word glossing many Chinese words is ambiguous: keep at most the 2 most
    // common (lowest idf) renderings, and only when there are few. When there are many, the
    // Chinese words whose FIRST sense it is still stand for it (电池 "battery", not 殴打 "beat
    // up; battery"), if those are few.
    const candidates = l.length > 4 ? l.filter((c) => c.primary) : l;
    if (candidates.length === 0 || candidates.length > 4) continue;
    candidates.sort((a, b) => a.idf - b.idf);
    for (const { zh } of candidates.slice(0, 2)) addRev(key, zh);
  }
  dict = { zhToEn, enToZh, curated, idf };
  return dict;
}

export type Translation = { source: string; term: string; lang: "zh" | "en"; weight?: number; rendering?: string };

/** The English renderings of a Chinese word (thesaurus first, then the dictionary's glosses). */
export function englishGlosses(word: string): readonly string[] {
  return load().zhToEn.get(word.toLowerCase()) ?? [];
}

/** Whether the dictionaries know a Chinese word. */
export const knowsZhWord = (word: string): boolean => load().zhToEn.has(word.toLowerCase());

/** How a Chinese word's renderings are chosen and weighted (MatchConfig.zhWords). */
export type ZhWordOptions = {
  /** senses (dictionary glosses) used per word, usual sense first */
  senses: number;
  /** a word more common than this idf (jieba's, a general Chinese corpus) weighs idf / this: 0 = off */
  informativeIdf: number;
};

const DEFAULT_WORD_OPTIONS: ZhWordOptions = { senses: 2, informativeIdf: 0 };

/**
 * English stems for a Chinese word (via its English renderings), deduplicated, each weighted by
 * the rank of the first rendering it comes from (1, 1/2, 1/3: dictionaries list the usual sense
 * first), the weights summing to 1 per rendering-stem count so that a word with many candidate
 * translations does not outweigh one with a single, sure translation.
 *
 * With `informativeIdf`, a word common in general Chinese (考虑, 起来, 取得: jieba idf < 8) weighs
 * less in proportion: its English rendering may be rare in the catalogue ("think" in 1 of 1,400
 * abstracts) and would otherwise count as strong evidence, although the Chinese word says little.
 * Curated thesaurus words keep their full weight (technical terms by construction).
 */
export function translateZhWord(word: string, opts: ZhWordOptions = DEFAULT_WORD_OPTIONS): Translation[] {
  const d = load();
  const key = word.toLowerCase();
  const out = weightedStems(word, d.zhToEn.get(key)?.slice(0, d.curated.has(key) ? undefined : opts.senses));
  const idf = d.curated.has(key) ? undefined : d.idf.get(key);
  if (opts.informativeIdf > 0 && idf !== undefined && idf < opts.informativeIdf) for (const t of out) t.weight = (t.weight ?? 1) * (idf / opts.informativeIdf);
  return out;
}

function weightedStems(word: string, phrases: readonly string[] | undefined): Translation[] {
  if (!phrases) return [];
  const out: Translation[] = [];
  const seen = new Set<string>();
  phrases.forEach((p, i) => {
    for (const { stem, word: w } of englishWords(p)) {
      if (seen.has(stem)) continue;
      seen.add(stem);
      out.push({ source: word, term: stem, lang: "en", weight: 1 / (i + 1), rendering: w });
    }
  });
  const top = Math.max(1, ...phrases.slice(0, 1).map((p) => englishWords(p).length));
  const total = out.reduce((s, t) => s + t.weight!, 0) || 1;
  for (const t of out) t.weight = (t.weight! * top) / total;
  return out;
}

/**
 * Splits a Chinese word the dictionaries do not know into its longest known parts (forward
 * maximum matching over parts of 2-8 characters; unknown characters are skipped).
 */
export function knownParts(word: string): string[] {
  return splitKnown(word).parts;
}

/**
 * knownParts and the characters left over (those no known part covers, in order): 三角翼 ->
 * parts [三角], rest [翼]; 攻角 -> parts [], rest [攻, 角].
 */
export function splitKnown(word: string): { parts: string[]; rest: string[] } {
  const chars = [...word];
  const parts: string[] = [];
  const rest: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let found = 0;
    for (let n = Math.min(8, chars.length - i); n >= 2; n--) {
      if (knowsZhWord(chars.slice(i, i + n).join(""))) {
        found = n;
        break;
      }
    }
    if (found) {
      parts.push(chars.slice(i, i + found).join(""));
      i += found;
    } else rest.push(chars[i++]!);
  }
  return { parts, rest };
}

let variants: Map<string, string[]> | undefined;

/**
 * The stems of an English stem's derivational variants (WordNet's derivation and pertainym links,
 * data/en-variants.tsv): theori -> theoret ("theoretical"), cylind -> cylindr ("cylindrical").
 * A dictionary rendering is a base form; the catalogue's abstracts often use a derived one.
 */
export function englishVariants(stem: string): readonly string[] {
  if (!variants) {
    variants = new Map();
    let text = "";
    try {
      text = fs.readFileSync(dataFile("en-variants.tsv"), "utf8");
    } catch {
      // No variant table: renderings are matched as stemmed only.
    }
    for (const line of text.split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [s, v] = line.split("\t");
      if (s && v) variants.set(s, v.split("|"));
    }
  }
  return variants.get(stem) ?? [];
}

/**
 * The query terms plus, for each English rendering of a Chinese word, its derivational variants as
 * further renderings of the same word (concepts.ts), each at `share` of the rendering's weight
 * (0: none). The matcher drops the variants the catalogue does not hold (they would only dilute
 * the word's translation probabilities).
 */
export function englishVariantTerms(terms: readonly QueryTerm[], share: number): QueryTerm[] {
  if (!(share > 0)) return [...terms];
  const have = new Set(terms.map((t) => t.term));
  const added = new Map<string, QueryTerm>();
  for (const t of terms) {
    if (!t.translated || !t.from?.length) continue;
    for (const v of englishVariants(t.term)) {
      if (have.has(v)) continue;
      const a =
        added.get(v) ?? ({ term: v, weight: 0, surfaces: [...t.surfaces], renderings: [v], translated: true, from: [], variant: true } satisfies QueryTerm);
      for (const f of t.from) a.from!.push({ word: f.word, weight: f.weight * share });
      a.weight = a.from!.reduce((s, f) => s + f.weight, 0);
      added.set(v, a);
    }
  }
  return [...terms, ...added.values()];
}

let charGlosses: Map<string, string[]> | undefined;

function loadChars(): Map<string, string[]> {
  if (charGlosses) return charGlosses;
  charGlosses = new Map();
  let text = "";
  try {
    text = fs.readFileSync(dataFile("zh-en-chars.tsv"), "utf8");
  } catch {
    // No character table: unknown words keep only their known parts.
  }
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [zh, glosses] = line.split("\t");
    if (zh && glosses) charGlosses.set(zh, glosses.split("|"));
  }
  return charGlosses;
}

/**
 * English stems for a single Chinese character (its dictionary senses, weighted like
 * translateZhWord's): for composing a word no dictionary knows from its characters.
 */
export function translateZhChar(char: string): Translation[] {
  return weightedStems(char, loadChars().get(char));
}

/**
 * Chinese words for a sequence of English stems (in text order): longest phrases first (3, 2,
 * then 1 stem), each stem used by at most one phrase.
 */
export function translateEnStems(stems: readonly string[], surfaces?: readonly string[]): Translation[] {
  const d = load();
  const used = new Array<boolean>(stems.length).fill(false);
  const out: Translation[] = [];
  for (const n of [3, 2, 1]) {
    for (let i = 0; i + n <= stems.length; i++) {
      if (used.slice(i, i + n).some(Boolean)) continue;
      const zh = d.enToZh.get(stems.slice(i, i + n).join(" "));
      if (!zh) continue;
      for (let j = i; j < i + n; j++) used[j] = true;
      const source = (surfaces ?? stems).slice(i, i + n).join(" ");
      for (const w of zh.slice(0, 2)) out.push({ source, term: w, lang: "zh" });
    }
  }
  return out;
}
