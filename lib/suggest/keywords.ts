// Keyword suggestions for the need wizard and the result form (pure: no server-only).
// Chinese: jieba words weighted by TF-IDF (jieba's IDF table), plus two-word compounds (姿态+估计 -> 姿态估计), since
// the terms people search for are usually compounds the dictionary does not hold.
// English: RAKE-style phrases (runs of content words between stop words and punctuation).
import { idf } from "@node-rs/jieba/dict";
import { jieba } from "@/lib/matching/terms";
import { EN_STOP_WORDS, ZH_QUERY_NOISE, ZH_STOP_WORDS } from "@/lib/matching/stopwords";

export type Suggestion = { term: string; weight: number };

let idfMap: Map<string, number> | undefined;
let medianIdf = 11;
function idfOf(word: string): number {
  if (!idfMap) {
    idfMap = new Map();
    for (const line of new TextDecoder().decode(idf).split("\n")) {
      const space = line.lastIndexOf(" ");
      if (space > 0) idfMap.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    const sorted = [...idfMap.values()].sort((a, b) => a - b);
    medianIdf = sorted[Math.floor(sorted.length / 2)] ?? medianIdf;
  }
  return idfMap.get(word) ?? medianIdf;
}

const NOUNISH = new Set(["n", "nz", "vn", "ng", "eng", "nt", "nrt", "l", "j"]);
const ACTION = new Set(["v", "vn"]);
// Relation words that make a measurement, not a topic ("误差小于").
const NOT_IN_COMPOUND = new Set([
  "小于",
  "大于",
  "低于",
  "高于",
  "达到",
  "超过",
  "不足",
  "等于",
  "需要",
  "希望",
  "要求",
  "实现",
  "获得",
  "保持",
  "进行",
  "提高",
  "降低",
  "解决",
  "没有",
  "出现",
  "严重",
]);
// Words too generic to be a keyword for a technology need.
const GENERIC_ZH = new Set([
  "问题",
  "产品",
  "效果",
  "技术",
  "方案",
  "方法",
  "公司",
  "企业",
  "我们",
  "需求",
  "环境",
  "情况",
  "客户",
  "项目",
  "厂商",
  "能力",
  "目前",
  "传统",
  "理想",
  "一家",
  "领域",
  "行业",
  "指标",
]);
const GENERIC_EN = new Set([
  "company",
  "product",
  "products",
  "customer",
  "customers",
  "issue",
  "issues",
  "approach",
  "result",
  "results",
  "performance",
  "better",
  "high",
  "low",
  "lower",
  "higher",
  "tried",
  "try",
  "fell",
  "short",
  "achieve",
  "keep",
  "keeps",
  "below",
  "above",
  "degree",
  "degrees",
  "less",
  "cost",
  "near",
  "loses",
  "lose",
  "exceeds",
  "exceed",
  "robust",
  "reduce",
  "improve",
  "improves",
  "existing",
  "current",
  "based",
  "make",
  "makes",
  "different",
  "various",
]);

function chineseSuggestions(text: string): Suggestion[] {
  const runs = text.normalize("NFKC").match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) ?? [];
  const counts = new Map<string, { n: number; score: number }>();
  const add = (term: string, score: number) => {
    const c = counts.get(term) ?? { n: 0, score };
    counts.set(term, { n: c.n + 1, score: Math.max(c.score, score) });
  };
  // The matcher's evidence rules: a word that is never evidence of a match is never a keyword.
  const usable = (w: string) => !ZH_STOP_WORDS.has(w) && !GENERIC_ZH.has(w) && !ZH_QUERY_NOISE.has(w);
  for (const run of runs) {
    const tagged = jieba().tag(run, true);
    tagged.forEach((t, i) => {
      if (t.word.length >= 2 && NOUNISH.has(t.tag) && usable(t.word)) add(t.word, idfOf(t.word));
      const next = tagged[i + 1];
      if (!next || !NOUNISH.has(t.tag) || !(NOUNISH.has(next.tag) || next.tag === "v")) return;
      if (!usable(t.word) || !usable(next.word) || NOT_IN_COMPOUND.has(next.word)) return;
      // A one-character verb ends a phrase rather than a term (可移植 + 到).
      if (next.tag === "v" && next.word.length < 2) return;
      // A word of four or more characters is already a whole term (姿态估计): 姿态估计 + 算法 is not.
      if (t.word.length >= 4) return;
      const compound = t.word + next.word;
      if (compound.length < 3 || compound.length > 8) return;
      // A topic plus what is done to it (姿态估计, 磁干扰) is the typical technical term.
      const bonus = ACTION.has(next.tag) ? 1.2 : 1;
      const [a, b] = [idfOf(t.word), idfOf(next.word)];
      add(compound, (Math.max(a, b) + 0.5 * Math.min(a, b)) * bonus);
    });
  }
  return [...counts].map(([term, c]) => ({ term, weight: c.score * (1 + Math.log(c.n)) }));
}

function englishSuggestions(text: string): Suggestion[] {
  const original = text.normalize("NFKC");
  // Runs of content words, broken at punctuation, CJK, bare numbers and stop words.
  const runs: string[][] = [];
  for (const chunk of original.split(/[^A-Za-z0-9' -]+|\s-+\s/)) {
    let run: string[] = [];
    for (const raw of chunk.split(/\s+/)) {
      // Hyphenated compounds stay one word (solid-state, wrist-worn).
      const w = raw.replace(/'s$/i, "").replace(/^['-]+|['-]+$/g, "");
      const lower = w.toLowerCase();
      // Codes and ids (abc123, v2) are not keywords; acronyms with digits (5G, H2) are.
      const code = /\d/.test(w) && /[a-z]/.test(w);
      if (!w || w.length < 2 || EN_STOP_WORDS.has(lower) || GENERIC_EN.has(lower) || /^\d+$/.test(w) || code) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push(w);
    }
    if (run.length) runs.push(run);
  }
  const wordFreq = new Map<string, number>();
  for (const run of runs) for (const w of run) wordFreq.set(w.toLowerCase(), (wordFreq.get(w.toLowerCase()) ?? 0) + 1);
  const grams = new Map<string, { term: string; n: number; size: number }>();
  for (const run of runs) {
    for (let size = 1; size <= 2; size++) {
      for (let i = 0; i + size <= run.length; i++) {
        const words = run.slice(i, i + size);
        const key = words.map((w) => w.toLowerCase()).join(" ");
        // Acronyms keep their case (IMU); other words are lower-cased.
        const term = words.map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase())).join(" ");
        const g = grams.get(key) ?? { term, n: 0, size };
        g.n++;
        grams.set(key, g);
      }
    }
  }
  return [...grams.values()].map((g) => {
    const words = g.term.toLowerCase().split(" ");
    const spread = words.reduce((s, w) => s + (wordFreq.get(w) ?? 1), 0) / words.length;
    const acronym = /\b[A-Z]{2,}[0-9]*\b/.test(g.term) ? 1.5 : 1;
    return { term: g.term, weight: g.n * (g.size === 2 ? 2 : 1) * (1 + Math.log(spread)) * acronym };
  });
}

/**
 * Up to `limit` keyword suggestions for a text, best first, leaving out the keywords the user
 * already has (compared case-insensitively) and words contained in a better-ranked compound.
 */
export function suggestKeywords(text: string, existing: readonly string[] = [], limit = 8): string[] {
  const have = new Set(existing.map((k) => k.trim().toLowerCase()));
  // Normalise the two scales: each language's best suggestion scores 1.
  const scaled = (list: Suggestion[]) => {
    const max = Math.max(0, ...list.map((s) => s.weight));
    return max > 0 ? list.map((s) => ({ term: s.term, weight: s.weight / max })) : [];
  };
  const all = [...scaled(chineseSuggestions(text)), ...scaled(englishSuggestions(text))].sort((a, b) => b.weight - a.weight || b.term.length - a.term.length);
  const picked: string[] = [];
  for (const { term } of all) {
    const lower = term.toLowerCase();
    if (have.has(lower) || [...have].some((h) => h.includes(lower)) || picked.some((p) => p.toLowerCase().includes(lower) || lower.includes(p.toLowerCase())))
      continue;
    picked.push(term);
    if (picked.length >= limit) break;
  }
  return picked;
}
