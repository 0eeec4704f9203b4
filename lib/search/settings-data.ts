// Index settings as data (pure: the bench and tests read them without a server).
import type { Settings } from "meilisearch";
import type { IndexKind } from "./config";

/** Attributes a catalogue search looks in, most important first (also the ranking order). */
export const CATALOG_SEARCH_ATTRIBUTES = {
  needs: ["title", "keywords", "teaser", "description", "field", "organisationName"],
  results: ["title", "keywords", "summary", "description", "field", "organisationName"],
} as const;

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
