import { readBench } from "./data";
import { evaluate } from "./metrics";
import { analyze, chineseWords } from "@/lib/matching/terms";
import { cjkGrams } from "@/lib/matching/rank";
import { ZH_QUERY_NOISE } from "@/lib/matching/stopwords";
const { results, needs, qrels } = readBench(process.argv[2]!);
import { bm25Tokens } from "./_bm25tok";
const RAW = !!process.env.RAW;
const an = (x: string) => RAW ? bm25Tokens(x).filter((t) => /[\u4e00-\u9fff]/.test(t)) : cjkGrams(analyze(x));
const TW = Number(process.env.TW ?? 1), QTW = Number(process.env.QTW ?? 1);
const dtoks = results.map((r) => [...Array.from({ length: TW }, () => an(r.title)).flat(), ...an(r.abstract)]);
const qg = (s: string) => RAW ? an(s) : cjkGrams(chineseWords(s).filter((w) => !ZH_QUERY_NOISE.has(w)));
const qtoks = needs.map((n) => [...Array.from({ length: QTW }, () => qg(n.title)).flat(), ...qg(n.description)]);
function run(k1: number, b: number, qsat: number, prf: number, prfW: number) {
  const docs = dtoks.map((ts, i) => { const tf = new Map<string, number>(); for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1); return { id: results[i]!.id, tf, len: ts.length }; });
  const df = new Map<string, number>(); for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const N = docs.length, avg = docs.reduce((s, d) => s + d.len, 0) / N;
  const idf = (t: string) => { const k = df.get(t) ?? 0; return Math.log(1 + (N - k + 0.5) / (k + 0.5)); };
  const score = (q: Map<string, number>) => docs.map((d) => { let s = 0; for (const [t, w] of q) { const f = d.tf.get(t); if (!f) continue; s += w * idf(t) * f * (k1 + 1) / (f + k1 * (1 - b + b * d.len / avg)); } return { d, s }; }).sort((a, b) => b.s - a.s);
  const runs = new Map<string, string[]>();
  needs.forEach((n, i) => {
    const q = new Map<string, number>(); for (const t of qtoks[i]!) q.set(t, (q.get(t) ?? 0) + 1);
    if (qsat) for (const [t, v] of q) q.set(t, v * (qsat + 1) / (v + qsat));
    let r = score(q);
    if (prf) {
      const acc = new Map<string, number>(); const max = r[0]!.s;
      for (const { d, s } of r.slice(0, prf)) { const w = Math.exp((s - max) / (max * 0.1 + 1e-9)); for (const [t, f] of d.tf) acc.set(t, (acc.get(t) ?? 0) + w * f / d.len); }
      const exp = [...acc].map(([t, v]) => [t, v * idf(t)] as const).sort((a, b) => b[1] - a[1]).slice(0, 40);
      const qz = [...q.values()].reduce((a, b) => a + b, 0), ez = exp.reduce((a, b) => a + b[1], 0);
      const q2 = new Map<string, number>(); for (const [t, v] of q) q2.set(t, (1 - prfW) * v / qz); for (const [t, v] of exp) q2.set(t, (q2.get(t) ?? 0) + prfW * v / ez);
      r = score(q2);
    }
    runs.set(n.id, r.slice(0, 100).map((x) => x.d.id));
  });
  return evaluate(runs, qrels, [0])["nDCG@10"];
}
for (const [k1, b, qs, prf, pw] of [[1.2, 0.75, 0.5, 0, 0], [1.2, 0.75, 2, 0, 0], [1.6, 0.75, 1, 0, 0], [1.2, 0.75, 0, 0, 0], [2, 0.75, 0, 0, 0], [1.2, 0.5, 0, 0, 0], [1.2, 0.9, 0, 0, 0], [1.2, 0.75, 1, 0, 0], [1.2, 0.75, 0, 3, 0.3], [1.2, 0.75, 0, 5, 0.3], [1.2, 0.75, 0, 3, 0.5]]) process.stdout.write(`${k1} ${b} ${qs} ${prf} ${pw} ${run(k1!, b!, qs!, prf!, pw!)}; `);
