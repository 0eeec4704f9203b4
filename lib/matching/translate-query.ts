// Turns a short catalogue query into the other language (English -> Chinese words, Chinese ->
// English phrases) with the same dictionaries the matcher uses. Pure.
import { THESAURUS } from "./thesaurus";
import { englishWords, hasCjk } from "./terms";
import { productCodeWords, translateEnStems } from "./translate";

export function translateQuery(q: string): string {
  const text = q.trim();
  if (!text) return "";
  if (hasCjk(text)) {
    const lower = text.toLowerCase();
    // Longest Chinese terms first, so 姿态估计 wins over 估计.
    const hits = THESAURUS.filter((e) => lower.includes(e.zh.toLowerCase())).sort((a, b) => b.zh.length - a.zh.length);
    const covered: string[] = [];
    const phrases: string[] = [];
    for (const e of hits) {
      if (covered.some((c) => c.includes(e.zh))) continue;
      covered.push(e.zh);
      if (e.en[0]) phrases.push(e.en[0]);
    }
    return phrases.join(" ");
  }
  const codes = productCodeWords(text);
  const words = englishWords(text).filter((w) => !codes.has(w.word));
  const zh = translateEnStems(words.map((w) => w.stem), words.map((w) => w.word)).map((t) => t.term);
  return [...new Set(zh)].join(" ");
}
