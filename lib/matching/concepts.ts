// Structured translation (Pirkola's structured queries; Darwish & Oard's probabilistic structured
// queries): the English renderings of ONE Chinese word are one concept of the query, not
// independent words. A document's frequency of the concept is the translation-probability-weighted
// sum of its renderings' frequencies, and so is its document frequency; a word with many candidate
// senses (高速: high, speed, expressway) then counts once, as strongly as a word with one, and a
// common sense no longer outweighs the rare one the document uses. Pure.
import type { QueryTerm } from "./rank";

/** concept key -> rendering term -> translation probability (summing to 1 per concept). */
export type Concepts = ReadonlyMap<string, ReadonlyMap<string, number>>;

const CONCEPT = "\u0001";

/** Whether a query key is a concept (not a word of the index). */
export const isConcept = (key: string): boolean => key.startsWith(CONCEPT);

/**
 * The word-channel query of a subject: its own terms and untranslatable translations by weight,
 * and each translated source word as one concept whose weight is the sum of its renderings'
 * weights. Renderings of several source words belong to each of their concepts.
 */
export function structuredQuery(terms: readonly QueryTerm[]): { query: Map<string, number>; concepts: Map<string, Map<string, number>> } {
  const query = new Map<string, number>();
  const concepts = new Map<string, Map<string, number>>();
  const conceptWeight = new Map<string, number>();
  for (const t of terms) {
    const from = t.translated ? t.from : undefined;
    if (!from?.length) {
      query.set(t.term, (query.get(t.term) ?? 0) + t.weight);
      continue;
    }
    for (const { word, weight } of from) {
      const key = CONCEPT + word;
      const members = concepts.get(key) ?? new Map<string, number>();
      members.set(t.term, (members.get(t.term) ?? 0) + weight);
      concepts.set(key, members);
      conceptWeight.set(key, (conceptWeight.get(key) ?? 0) + weight);
    }
  }
  for (const [key, members] of concepts) {
    const total = conceptWeight.get(key)!;
    for (const [m, w] of members) members.set(m, w / total);
    query.set(key, total);
  }
  return { query, concepts };
}

/** A concept's document frequency: its renderings' frequencies weighted by their probabilities (0 when none is known). */
export function conceptDf(members: ReadonlyMap<string, number>, df: ReadonlyMap<string, number>): number {
  let d = 0;
  for (const [m, p] of members) d += p * (df.get(m) ?? 0);
  return d;
}
