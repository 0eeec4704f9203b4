// Every weight of the matcher in ONE place. Figures measured with `npm run bench:match` (see
// bench/README.md); change one, re-run both folders.
export const MATCH_CONFIG = {
  /** Query terms kept per subject (highest tf x idf first). */
  maxQueryTerms: 32,
  /** Candidate generation (Meilisearch): a term in at most `rareTermDf` documents gets its
   * complete list; a more common one its first `perTermLimit` hits (title matches first). */
  rareTermDf: 100,
  perTermLimit: 40,
  /** A term in more than this share of the documents gets no list of its own (the broad
   * searches cover it): its first hits would be a near-arbitrary sample. */
  commonTermShare: 1,
  /** Weight of the broad searches' reciprocal rank in the candidate pre-score (top rank = this). */
  broadWeight: 1,
  broadLimit: 200,
  /** Words per broad query (Meilisearch uses at most 10 words of a query). */
  broadWords: 10,
  /** Broad searches: the 1st over the 10 strongest words, the 2nd over the next 10, ... */
  broadQueries: 2,
  /** Candidates kept after fusing the lists (see fuseCandidates), then re-ranked; rrfK is the
   * reciprocal-rank constant for the broad searches' share. */
  candidateCap: 300,
  rrfK: 60,
  /** BM25 re-ranking on the analysed words of the candidates (BM25F-style title weight). */
  bm25: { k1: 1.6, b: 0.75, titleWeight: 3 },
  /** Pseudo-relevance feedback: expand the query with the top documents' words. */
  prf: { enabled: true, docs: 10, terms: 30, weight: 0.5, temperature: 2, lookups: 40 },
  /** Character channel (Chinese): bigram BM25 over the candidates, document frequencies from a
   * sample of up to `sample` documents of the index; fused with the word channel as
   * (word + weight x gram) / (1 + weight), each as a share of its ceiling score. `prior`: document
   * frequencies are smoothed with `docs` pseudo-documents at document rate `rate` (rank.ts DfPrior):
   * a catalogue of one or two documents still scores a perfect pair high (issue 13). When the
   * sample is the whole catalogue, its best `candidates` documents on this channel join the
   * candidates (gram-catalogue.ts). */
  gram: { enabled: true, weight: 2, sample: 1000, k1: 1.6, b: 0.75, prior: { docs: 10, rate: 0.1 }, candidates: 100, fuse: 0, queryTitleWeight: 1 },
  /** Calibration (calibrate.ts): P(relevant) = 1 / (1 + exp(-(share x s + lift x l + bias))),
   * lift = log(share / the subject's background share), `background` = the typical one (used when
   * a subject has too few candidates to measure its own). Fitted by bench/calibrate.ts on the
   * four dev folders' judgments (see bench/README.md). */
  calibration: {
    word: { share: 3.82, lift: 0.61, bias: -2.67, background: 0.157 },
    gram: { share: -7.47, lift: 7.47, bias: -6.81, background: 0.068 },
  },
  /** Translated terms (zh <-> en) weigh this much relative to the source term. */
  translationWeight: 0.8,
  /** zh -> en: the renderings of one Chinese word form one concept in the re-ranking (concepts.ts). */
  structuredTranslation: true,
  /** zh -> en: a word no dictionary knows is translated through its known parts, and the
   * characters left over one by one at this weight (0: not at all). */
  charTranslationWeight: 0.3,
  /** zh -> en: dictionary senses used per word (usual first), and the general-Chinese idf below
   * which a word weighs idf / informativeIdf (translate.ts translateZhWord; 0 = off); `variants`:
   * each English rendering's derivational variants (WordNet) join its word at this share of its
   * weight (translate.ts englishVariantTerms; 0 = off). */
  zhWords: { senses: 3, informativeIdf: 8, variants: 0.5 },
  /** zh -> en: each translated word weighted by how its renderings co-occur with the other words'
   * renderings in a sample of up to `sample` documents of the catalogue (cooccurrence.ts): the
   * least coherent keeps `coherence` of its weight. `split`: also re-split a word's weight among
   * its renderings by their support, each keeping `floor` (measured worse: off). */
  cooc: { enabled: true, sample: 2000, coherence: 0.6, split: false, floor: 0.3 },
  /** Structured-field bonuses, multiplicative on the text score: score x (1 + sum). */
  bonus: { sameChainNode: 0.15, sameChain: 0.08, sameField: 0.05, trlFit: 0.05, modeFit: 0.05, sameRegion: 0.02 },
  /** A result "fits" a need's TRL target when its TRL is at least target - trlTolerance. */
  trlTolerance: 1,
  /** Matches returned by default. */
  defaultLimit: 20,
} as const;

type Widen<T> = T extends number ? number : T extends boolean ? boolean : T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };
/** The shape of MATCH_CONFIG with plain number/boolean fields (benches and tests pass variants). */
export type MatchConfig = Widen<typeof MATCH_CONFIG>;
