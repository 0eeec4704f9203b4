// The character channel over a whole (small) catalogue: an inverted index of character grams built
// from the statistics sample when the sample IS the catalogue (up to MatchConfig.gram.sample
// documents), searched with the same BM25 as gramScore. Meilisearch finds candidates by whole
// words; a need in plain words shares only PARTS of words with the result that answers it (冻干 in
// 冷冻干燥), so candidates found by words alone miss some of the results the character channel would
// rank first. Pure.
import { cjkGrams, smoothedIdf, type DfPrior, type GramStats } from "./rank";

export type GramCatalogue = {
  ids: string[];
  /** per document: its gram length (title grams counting `titleWeight` times) */
  lens: number[];
  /** gram -> [document index, frequency] */
  postings: Map<string, [number, number][]>;
  /** the number of postings (memory accounting) */
  size: number;
};

/** The inverted gram index of documents (their analysed title and body words). */
export function gramCatalogue(docs: readonly { id: string; title: readonly string[]; body: readonly string[] }[], titleWeight: number): GramCatalogue {
  const postings = new Map<string, [number, number][]>();
  const lens: number[] = [];
  let size = 0;
  docs.forEach((d, i) => {
    const tf = new Map<string, number>();
    let len = 0;
    for (const [list, w] of [
      [d.title, titleWeight],
      [d.body, 1],
    ] as const) {
      for (const g of cjkGrams(list)) {
        tf.set(g, (tf.get(g) ?? 0) + w);
        len += w;
      }
    }
    lens.push(len);
    size += tf.size;
    for (const [g, f] of tf) {
      const l = postings.get(g);
      if (l) l.push([i, f]);
      else postings.set(g, [[i, f]]);
    }
  });
  return { ids: docs.map((d) => d.id), lens, postings, size };
}

/** Distinct single characters a document must share with the query when it shares no longer gram. */
export const MIN_SHARED_CHARS = 3;

/**
 * The documents of the catalogue best on the character channel for a query (gram -> weight), each
 * with its share of the query's ceiling (as gramScore computes it), best first, at most `limit`.
 * A document competes if it shares a character bigram or a Latin word with the query, or at least
 * MIN_SHARED_CHARS distinct characters: a plain-words need may share only single characters with
 * the paper that answers it (噪, 滤, 油 with 真空滤油机的噪声), and such a paper can still be the best
 * the catalogue holds; one shared everyday character (用) is a coincidence, not a candidate.
 */
export function gramSearch(
  query: ReadonlyMap<string, number>,
  cat: GramCatalogue,
  stats: GramStats,
  opts: { k1: number; b: number; prior?: DfPrior; limit: number },
): { id: string; share: number }[] {
  const { k1, b, prior, limit } = opts;
  const avgdl = Math.max(1, stats.avgdl);
  const score = new Float64Array(cat.ids.length);
  // per document: shared single characters, or Infinity once it shares a longer gram
  const shared = new Float64Array(cat.ids.length);
  let best = 0;
  for (const [g, w] of query) {
    const i = smoothedIdf(stats.n, stats.df.get(g) ?? 0, prior);
    best += w * i * (k1 + 1);
    const list = cat.postings.get(g);
    if (!list) continue;
    const strong = [...g].length > 1;
    for (const [d, f] of list) {
      const norm = k1 * (1 - b + (b * cat.lens[d]!) / avgdl);
      score[d] = score[d]! + w * i * ((f * (k1 + 1)) / (f + norm));
      shared[d] = strong ? Infinity : shared[d]! + 1;
    }
  }
  if (best <= 0) return [];
  const out: { id: string; share: number }[] = [];
  for (let d = 0; d < cat.ids.length; d++) if (score[d]! > 0 && shared[d]! >= MIN_SHARED_CHARS) out.push({ id: cat.ids[d]!, share: score[d]! / best });
  return out.sort((a, b) => b.share - a.share).slice(0, limit);
}
