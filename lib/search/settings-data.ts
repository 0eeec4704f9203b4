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
    searchableAttributes: [...searchable, ...MATCH_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: ["createdAt", "publishedAt"],
    // The matcher counts exact analysed words: no typo tolerance on them.
    typoTolerance: { disableOnAttributes: [...MATCH_ATTRIBUTES] },
    // Exact document counts per word are the matcher's document frequencies.
    pagination: { maxTotalHits: 100_000 },
  };
}

/** Settings of a matcher companion index: only the analysed words are searchable. */
export function matchIndexSettings(): Settings {
  return {
    searchableAttributes: [...MATCH_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    typoTolerance: { disableOnAttributes: [...MATCH_ATTRIBUTES] },
    pagination: { maxTotalHits: 100_000 },
  };
}
