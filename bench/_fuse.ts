import { readBench } from "./data";
import { evaluate } from "./metrics";
import { analyze, chineseWords } from "@/lib/matching/terms";
import { cjkGrams } from "@/lib/matching/rank";
import { ZH_QUERY_NOISE } from "@/lib/matching/stopwords";
const folder = process.argv[2]!;
const { results, needs, qrels } = readBench(folder);
type Tok = (s: string, isQ: boolean) => string[];
function ch(tok: Tok) {
  const docs = results.map((r) => { const tf = new Map<string, number>(); const ts = tok(`${r.title}\n${r.abstract}`, false); for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1); return { id: r.id, tf, len: ts.length }; });
  const df = new Map<string, number>(); for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const N = docs.length, avg = docs.reduce((s, d) => s + d.len, 0) / N;
  return (text: string) => {
    const q = new Map<string, number>(); for (const t of tok(text, true)) q.set(t, (q.get(t) ?? 0) + 1);
    let ceil = 0; for (const [t, w] of q) { const k = df.get(t); if (k) ceil += w * Math.log(1 + (N - k + 0.5) / (k + 0.5)) * 2.2; }
    return new Map(docs.map((d) => { let s = 0; for (const [t, w] of q) { const f = d.tf.get(t); if (!f) continue; const k = df.get(t)!; s += w * Math.log(1 + (N - k + 0.5) / (k + 0.5)) * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d.len / avg)); } return [d.id, s / (ceil || 1)] as const; }));
  };
}
const words = ch((s, q) => q ? chineseWords(s).filter((w) => !ZH_QUERY_NOISE.has(w)) : analyze(s));
const grams = ch((s, q) => cjkGrams(q ? chineseWords(s).filter((w) => !ZH_QUERY_NOISE.has(w)) : analyze(s)));
const cache = needs.map((n) => ({ id: n.id, w: words(`${n.title}\n${n.description}`), g: grams(`${n.title}\n${n.description}`) }));
for (const lam of [0, 0.5, 1, 2, 4, 1000]) {
  const runs = new Map<string, string[]>();
  for (const c of cache) runs.set(c.id, [...c.w].map(([id, s]) => [id, s + lam * (c.g.get(id) ?? 0)] as const).sort((a, b) => b[1] - a[1]).slice(0, 100).map((x) => x[0]));
  console.log(lam, JSON.stringify(evaluate(runs, qrels, [0])));
}
