// Query translation for bilingual matching: Chinese words -> English stems and English stem
// sequences -> Chinese words, from the curated thesaurus (first) and a CC-CEDICT extract
// (data/zh-en.tsv, built by data/build-zh-en.ts). Pure (reads a data file once).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { THESAURUS } from "./thesaurus";
import { englishWords } from "./terms";

type Dict = {
  zhToEn: Map<string, string[]>; // zh word -> English phrases (thesaurus first)
  enToZh: Map<string, string[]>; // English stem sequence ("boundari layer") -> zh words
  curated: Set<string>; // zh words from the thesaurus
};

let dict: Dict | undefined;

function dataFile(): string {
  const candidates = [path.join(process.cwd(), "lib/matching/data/zh-en.tsv")];
  try {
    candidates.push(fileURLToPath(new URL("./data/zh-en.tsv", import.meta.url)));
  } catch {
    /* not a file URL (bundled): cwd path only */
  }
  return candidates.find((p) => fs.existsSync(p)) ?? candidates[0]!;
}

const stemKey = (phrase: string) => englishWords(phrase).map((w) => w.stem).join(" ");

function load(): Dict {
  if (dict) return dict;
  const zhToEn = new Map<string, string[]>();
  const enToZh = new Map<string, string[]>();
  const curated = new Set<string>();
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
  const rev = new Map<string, { zh: string; idf: number }[]>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [zh, idfText, glossText, keysText] = line.split("\t");
    if (!zh || !glossText) continue;
    const glosses = glossText.split("|");
    const keys = keysText?.split("|") ?? glosses.map(stemKey);
    if (!zhToEn.has(zh)) zhToEn.set(zh, glosses.slice(0, 2));
    for (const key of keys) {
      if (!key) continue;
      const l = rev.get(key) ?? [];
      l.push({ zh, idf: Number(idfText) });
      rev.set(key, l);
    }
  }
  for (const [key, l] of rev) {
    if (enToZh.has(key)) continue; // curated wins
    // A single English word glossing many Chinese words is ambiguous: keep at most the 2 most
    // common (lowest idf) renderings, and only when there are few.
    if (l.length > 4) continue;
    l.sort((a, b) => a.idf - b.idf);
    for (const { zh } of l.slice(0, 2)) addRev(key, zh);
  }
  dict = { zhToEn, enToZh, curated };
  return dict;
}

export type Translation = { source: string; term: string; lang: "zh" | "en" };

/** The English renderings of a Chinese word (thesaurus first, then the dictionary's glosses). */
export function englishGlosses(word: string): readonly string[] {
  return load().zhToEn.get(word.toLowerCase()) ?? [];
}

/** English stems for a Chinese word (via its English renderings), deduplicated. */
export function translateZhWord(word: string): Translation[] {
  const d = load();
  const phrases = d.zhToEn.get(word.toLowerCase());
  if (!phrases) return [];
  const out: Translation[] = [];
  const seen = new Set<string>();
  for (const p of phrases) {
    for (const { stem } of englishWords(p)) {
      if (seen.has(stem)) continue;
      seen.add(stem);
      out.push({ source: word, term: stem, lang: "en" });
    }
  }
  return out;
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
