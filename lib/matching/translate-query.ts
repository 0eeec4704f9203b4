// Turns a short catalogue query into the other language (English -> Chinese words, Chinese ->
// English phrases) with the same dictionaries the matcher uses. Pure.
import { THESAURUS } from "./thesaurus";
import { chineseWordsCoarse, englishWords, hasCjk } from "./terms";
import { englishGlosses, translateEnStems } from "./translate";
import { productCodeWords, withoutProductCodes } from "./product-codes";

export function translateQuery(q: string): string {
  // Codes (PC/ABS, UL94, ABS) are never translated: a dictionary only turns them into noise.
  const text = withoutProductCodes(q);
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
    // Words the thesaurus does not cover (电池 alone) through the dictionary's first gloss.
    for (const word of chineseWordsCoarse(text)) {
      if (covered.some((c) => c.includes(word))) continue;
      const gloss = englishGlosses(word)[0];
      if (gloss) phrases.push(gloss);
    }
    return [...new Set(phrases)].join(" ");
  }
  const codes = productCodeWords(text);
  const words = englishWords(text).filter((w) => !codes.has(w.word));
  const zh = translateEnStems(
    words.map((w) => w.stem),
    words.map((w) => w.word),
  ).map((t) => t.term);
  return [...new Set(zh)].join(" ");
}
