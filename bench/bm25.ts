// npm run bench:bm25 -- <folder>
// Textbook BM25 baseline (k1 1.2, b 0.75) over title + abstract: Chinese as characters +
// character bigrams, English as lower-cased words minus stop words (no stemming). In-memory,
// no Meilisearch. Prints the same JSON line as bench:match.
import { readBench, folderArg } from "./data";
import { evaluate } from "./metrics";
import { EN_STOP_WORDS } from "@/lib/matching/stopwords";

const K1 = 1.2;
const B = 0.75;

// The baseline's stop list is the plain function-word list (request phrasing words like
// "problems" are kept: that is part of what the matcher adds).
const FUNCTION_WORDS = new Set(
  [...EN_STOP_WORDS].filter(
    (w) =>
      !/^(able|available|problem|problems|solution|solutions|solve|solved|solving|research|study|studies|paper|papers|information|need|needs|needed|require|required|find|found|new|far)$/.test(
        w,
      ),
  ),
);

export function bm25Tokens(text: string): string[] {
  const out: string[] = [];
  const t = text.normalize("NFKC").toLowerCase();
  for (const m of t.matchAll(/[\u3400-\u9fff]+/g)) {
    const s = [...m[0]];
    for (let i = 0; i < s.length; i++) {
      out.push(s[i]!);
      if (i + 1 < s.length) out.push(s[i]! + s[i + 1]!);
    }
  }
  for (const m of t.replace(/[\u3400-\u9fff]+/g, " ").matchAll(/[a-z0-9]+/g)) if (!FUNCTION_WORDS.has(m[0])) out.push(m[0]);
  return out;
}

const folder = folderArg();
const { results, needs, qrels } = readBench(folder);
const docs = results.map((r) => {
  const toks = bm25Tokens(`${r.title}\n${r.abstract}`);
  const tf = new Map<string, number>();
  for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { id: r.id, tf, len: toks.length };
});
const df = new Map<string, number>();
const postings = new Map<string, number[]>();
docs.forEach((d, i) => {
  for (const t of d.tf.keys()) {
    df.set(t, (df.get(t) ?? 0) + 1);
    (postings.get(t) ?? postings.set(t, []).get(t)!).push(i);
  }
});
const N = docs.length;
const avgdl = docs.reduce((s, d) => s + d.len, 0) / N;
const runs = new Map<string, string[]>();
const latencies: number[] = [];
for (const need of needs) {
  const start = performance.now();
  const q = new Map<string, number>();
  for (const t of bm25Tokens(`${need.title}\n${need.description}`)) q.set(t, (q.get(t) ?? 0) + 1);
  const scores = new Map<number, number>();
  for (const [t, qf] of q) {
    const n = df.get(t);
    if (!n) continue;
    const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
    for (const i of postings.get(t)!) {
      const d = docs[i]!;
      const f = d.tf.get(t)!;
      scores.set(i, (scores.get(i) ?? 0) + qf * idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.len) / avgdl))));
    }
  }
  const ranked = [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 100)
    .map(([i]) => docs[i]!.id);
  latencies.push(performance.now() - start);
  runs.set(need.id, ranked);
}
console.log(JSON.stringify(evaluate(runs, qrels, latencies)));
