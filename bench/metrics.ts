// Retrieval metrics for the matching benchmarks (definitions in ../shared/bench/README.md).
// Pure and dependency-free: bench/match.ts and bench/bm25.ts share it, metrics.test.ts checks it.

/** needId -> (resultId -> gain), only gain > 0 */
export type Qrels = Map<string, Map<string, number>>;

export function parseQrels(tsv: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [needId, resultId, gainText] = line.split("\t");
    const gain = Number(gainText);
    if (!needId || !resultId || !Number.isFinite(gain) || gain <= 0) continue;
    let m = qrels.get(needId);
    if (!m) qrels.set(needId, (m = new Map()));
    m.set(resultId, gain);
  }
  return qrels;
}

/** nDCG@k with gain 2^g - 1 and a log2(rank + 1) discount (rank from 1). */
export function ndcgAt(ranked: readonly string[], rel: ReadonlyMap<string, number>, k = 10): number {
  let dcg = 0;
  const seen = new Set<string>();
  let rank = 0;
  for (const id of ranked) {
    if (rank >= k) break;
    if (seen.has(id)) continue; // a duplicate id counts once
    seen.add(id);
    rank++;
    const g = rel.get(id) ?? 0;
    if (g > 0) dcg += (2 ** g - 1) / Math.log2(rank + 1);
  }
  const ideal = [...rel.values()].sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += (2 ** g - 1) / Math.log2(i + 2)));
  return idcg > 0 ? dcg / idcg : 0;
}

/** Share of the relevant results found in the top k. */
export function recallAt(ranked: readonly string[], rel: ReadonlyMap<string, number>, k: number): number {
  if (rel.size === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  let found = 0;
  for (const id of rel.keys()) if (top.has(id)) found++;
  return found / rel.size;
}

/** Reciprocal rank of the first relevant result within the top k (0 if none). */
export function mrrAt(ranked: readonly string[], rel: ReadonlyMap<string, number>, k = 10): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++) if ((rel.get(ranked[i]!) ?? 0) > 0) return 1 / (i + 1);
  return 0;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type BenchFigures = {
  "nDCG@10": number;
  "Recall@10": number;
  "Recall@100": number;
  "MRR@10": number;
  p50_ms: number;
  p95_ms: number;
  needs: number;
};

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Averages the metrics over every need that was run and has at least one relevant result (others
 * are skipped, as the README says). `runs` maps a need id to its ranked result ids; latencies are in ms.
 */
export function evaluate(runs: ReadonlyMap<string, readonly string[]>, qrels: Qrels, latenciesMs: readonly number[]): BenchFigures {
  let n = 0;
  let ndcg = 0;
  let r10 = 0;
  let r100 = 0;
  let mrr = 0;
  for (const [needId, ranked] of runs) {
    const rel = qrels.get(needId);
    if (!rel || rel.size === 0) continue;
    n++;
    ndcg += ndcgAt(ranked, rel, 10);
    r10 += recallAt(ranked, rel, 10);
    r100 += recallAt(ranked, rel, 100);
    mrr += mrrAt(ranked, rel, 10);
  }
  const avg = (x: number) => (n ? round(x / n) : 0);
  return {
    "nDCG@10": avg(ndcg),
    "Recall@10": avg(r10),
    "Recall@100": avg(r100),
    "MRR@10": avg(mrr),
    p50_ms: round(percentile(latenciesMs, 50), 1),
    p95_ms: round(percentile(latenciesMs, 95), 1),
    needs: n,
  };
}
