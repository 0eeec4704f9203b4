// Index settings as data (pure: the bench and tests read them without a server).
import type { Settings } from "meilisearch";
import type { IndexKind } from "./config";

/**
 * Attributes a catalogue search looks in, most important first (also the ranking order). The
 * `*Subwords` fields hold Chinese words found inside longer ones (电池 in 锂电池): a word found
 * only inside a longer word ranks below the same word found whole in the same part of the text.
 */
export const CATALOG_SEARCH_ATTRIBUTES = {
  needs: ["title", "keywords", "titleSubwords", "teaser", "description", "field", "organisationName", "textSubwords"],
  results: ["title", "keywords", "titleSubwords", "summary", "description", "field", "organisationName", "textSubwords"],
} as const;

/**
 * Typo tolerance of the catalogue indexes: two typos from 7 letters (Meilisearch's default is 9),
 * so that common misspellings of everyday technical words still find them ("baterry" -> battery:
 * two edits in seven letters).
 */
export const CATALOG_TYPO_TOLERANCE = { minWordSizeForTypos: { oneTypo: 5, twoTypos: 7 } } as const;

/** The analysed-words attributes the matcher searches on (never shown to users). */
export const MATCH_ATTRIBUTES = ["titleTerms", "terms"] as const;

export const FILTERABLE_ATTRIBUTES = [
  "id",
  "visibility",
  "status",
  "chainId",
  "chainNodeId",
  "field",
  "trl",
  "lang",
  "region",
  "organisationId",
  "collaborationModes",
] as const;

export function indexSettings(kind: IndexKind): Settings {
  const searchable = kind === "results" ? CATALOG_SEARCH_ATTRIBUTES.results : CATALOG_SEARCH_ATTRIBUTES.needs;
  return {
    // Only the catalogue attributes: the matcher searches the `_match` companion index, so the
    // analysed words (`titleTerms`, `terms`) are stored here but not indexed (half the indexing
    // work of this index at 100,000 records, docs/SCALE.md).
    searchableAttributes: [...searchable],
    // Proximity by attribute, not by word position: the word-pair proximity database is the most
    // expensive part of indexing (Meilisearch CPU at 55,000 results: 52 s -> 28 s). Measured on the
    // 100,000-record catalogue: the top 10 of 84 catalogue queries overlap 97% with "byWord".
    proximityPrecision: "byAttribute",
    typoTolerance: CATALOG_TYPO_TOLERANCE,
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: ["createdAt", "publishedAt"],
    // Exact document counts per word are the matcher's document frequencies.
    pagination: { maxTotalHits: 100_000 },
  };
}

/** Settings of a matcher companion index: only the analysed words are searchable. */
export function matchIndexSettings(): Settings {
  return {
    searchableAttributes: [...MATCH_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    // The matcher's searches are one-word phrases and a "frequency" search over single words:
    // word-position proximity only costs indexing time here (Meilisearch CPU at 55,000 results:
    // 51 s -> 22 s; bench:match figures unchanged or better, bench/README.md).
    proximityPrecision: "byAttribute",
    typoTolerance: { disableOnAttributes: [...MATCH_ATTRIBUTES] },
    pagination: { maxTotalHits: 100_000 },
  };
}
