// Translation disambiguation by co-occurrence in the target catalogue (Ballesteros & Croft 1998;
// Gao et al. 2001): the right rendering of a Chinese word is the one that occurs, in the English
// documents the catalogue holds, together with the renderings of the need's OTHER words. 弹性 in a
// need about aeroelastic models is "elastic", not "flexible"; 进展 is "progress", not "headway";
// 攻 next to 角 is "attack", not "accuse". Statistics come from a sample of the catalogue's
// analysed words (cooccurrence-stats.ts), so no word list is written for any field. Pure.
import type { QueryTerm } from "./rank";

/** Which sampled documents hold each analysed word (document indices, ascending). */
export type CoocSample = { n: number; postings: ReadonlyMap<string, readonly number[]> };

/** The inverted word index of a sample of documents (their analysed title and body words). */
export function coocSample(docs: readonly { title: readonly string[]; body: readonly string[] }[]): CoocSample {
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const list of [d.title, d.body]) {
      for (const t of list) {
        const l = postings.get(t);
        if (!l) postings.set(t, [i]);
        else if (l[l.length - 1] !== i) l.push(i);
      }
    }
  });
  return { n: docs.length, postings };
}

/** Documents holding both words (sorted-list intersection). */
export function coCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * Association of two words in the sample: Dice's coefficient (2 co / (df a + df b)), 0..1. Dice,
 * unlike mutual information, does not reward a rare word for one chance meeting.
 */
export function dice(sample: CoocSample, a: string, b: string): number {
  const pa = sample.postings.get(a);
  const pb = sample.postings.get(b);
  if (!pa || !pb || a === b) return 0;
  return (2 * coCount(pa, pb)) / (pa.length + pb.length);
}

export type DisambiguationOptions = {
  /** a word whose renderings co-occur with none of the other words' keeps this share of its
   * weight; the most coherent word keeps all of it (1: no coherence weighting) */
  coherence: number;
  /** re-split each word's weight among its renderings by their support (measured: no gain) */
  split: boolean;
  /** with `split`: share of a rendering's probability kept whatever its support */
  floor: number;
};

type Concept = { word: string; weight: number; members: Map<string, number> };

/** The need's translated words as concepts: source word -> rendering -> the weight it gives it. */
function conceptsOf(terms: readonly QueryTerm[]): Map<string, Concept> {
  const out = new Map<string, Concept>();
  for (const t of terms) {
    if (!t.translated || !t.from) continue;
    for (const { word, weight } of t.from) {
      const c = out.get(word) ?? { word, weight: 0, members: new Map<string, number>() };
      c.weight += weight;
      c.members.set(t.term, (c.members.get(t.term) ?? 0) + weight);
      out.set(word, c);
    }
  }
  return out;
}

/**
 * Each rendering's support: how strongly it co-occurs with the other words of the need (the mean,
 * over the other words, of its probability-weighted Dice with their renderings; the need's own
 * words that the catalogue holds count as words with one rendering).
 */
function supports(concepts: ReadonlyMap<string, Concept>, terms: readonly QueryTerm[], sample: CoocSample): Map<string, Map<string, number>> {
  const context: { key: string; members: [string, number][] }[] = [];
  for (const c of concepts.values()) context.push({ key: c.word, members: [...c.members].map(([m, w]) => [m, w / c.weight]) });
  for (const t of terms) if (!t.translated && sample.postings.has(t.term)) context.push({ key: t.term, members: [[t.term, 1]] });
  const out = new Map<string, Map<string, number>>();
  for (const c of concepts.values()) {
    const s = new Map<string, number>();
    for (const m of c.members.keys()) {
      let sum = 0;
      let n = 0;
      for (const o of context) {
        if (o.key === c.word) continue;
        for (const [m2, p2] of o.members) sum += p2 * dice(sample, m, m2);
        n++;
      }
      s.set(m, n ? sum / n : 0);
    }
    out.set(c.word, s);
  }
  return out;
}

/**
 * The query terms with each translated word weighted by its coherence with the rest of the need
 * (Gao et al.: a word whose renderings never meet the other words' renderings in the catalogue is
 * likely a mistranslation or request phrasing: 考虑 "think"), and optionally (`split`) its weight
 * re-split among its renderings by their support (a rendering the catalogue never uses then gets
 * nothing, the others keep `floor` of their dictionary probability and share the rest by support).
 * `df`: the catalogue's document frequencies (exact, from the index).
 */
export function disambiguate(terms: readonly QueryTerm[], sample: CoocSample, df: ReadonlyMap<string, number>, opts: DisambiguationOptions): QueryTerm[] {
  const concepts = conceptsOf(terms);
  if (concepts.size < 2) return [...terms];
  const support = supports(concepts, terms, sample);
  const coherence = new Map([...support].map(([w, s]) => [w, Math.max(0, ...s.values())]));
  const most = Math.max(0, ...coherence.values());
  const next = new Map<string, Map<string, number>>(); // word -> rendering -> new weight
  for (const c of concepts.values()) {
    const factor = most > 0 ? opts.coherence + (1 - opts.coherence) * (coherence.get(c.word)! / most) : 1;
    const s = support.get(c.word)!;
    const present = opts.split ? [...c.members].filter(([m]) => (df.get(m) ?? 0) > 0) : [...c.members];
    const best = Math.max(0, ...present.map(([m]) => s.get(m)!));
    const raw = present.map(([m, w]) => [m, (w / c.weight) * (opts.split && best > 0 ? opts.floor + (1 - opts.floor) * (s.get(m)! / best) : 1)] as const);
    const z = raw.reduce((a, [, p]) => a + p, 0) || 1;
    next.set(c.word, new Map(raw.map(([m, p]) => [m, (factor * c.weight * p) / z])));
  }
  const out: QueryTerm[] = [];
  for (const t of terms) {
    if (!t.translated || !t.from) {
      out.push(t);
      continue;
    }
    const from = t.from.map((f) => {
      // a rendering that several entries of `from` give (rare): its new weight split evenly
      const same = t.from!.filter((g) => g.word === f.word).length;
      return { word: f.word, weight: (next.get(f.word)!.get(t.term) ?? 0) / same };
    });
    const weight = from.reduce((s, f) => s + f.weight, 0);
    if (weight > 0) out.push({ ...t, weight, from: from.filter((f) => f.weight > 0) });
  }
  return out;
}
