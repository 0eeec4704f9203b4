import "server-only";
import { LRUCache } from "lru-cache";
import type { FederatedMultiSearchParams, MultiSearchParams, MultiSearchQuery } from "meilisearch";
import { indexUid, isUnavailableError, meiliErrorCode } from "./client";
import { searchFederated, searchSingle } from "./cached-search";
import { isBrokerView, needsIndexFor, type Viewer } from "./access";
import { buildFilters, FilterValueError, oneOf, type CatalogFilters } from "./filters";
import { PRE, POST, toSegments, type Segment } from "./highlight";
import { CATALOG_SEARCH_ATTRIBUTES } from "./settings-data";
import { PUBLIC_NEED_STATUSES } from "./documents";
import { endsWithProductCode, productCodes, quoteProductCodes } from "@/lib/matching/product-codes";
import { translateQuery } from "@/lib/matching/translate-query";
import { recheckNeedHits } from "@/lib/needs/recheck-need-hits";

export type { Viewer } from "./access";
export type { CatalogFilters } from "./filters";

export type CatalogQuery = {
  q: string;
  type: "needs" | "results";
  viewer: Viewer;
  filters?: CatalogFilters;
  page?: number;
  limit?: number;
  sort?: "relevance" | "newest";
};

export type CatalogHit = {
  id: string;
  kind: "need" | "result";
  title: string;
  teaser: string | null;
  summary: string | null;
  field: string;
  lang: "zh" | "en";
  trl: number | null;
  visibility: string | null;
  status: string;
  chainId: string | null;
  chainNodeId: string | null;
  region: string | null;
  collaborationModes: string[];
  organisationName: string | null;
  /** false: show the organisation as unverified (needs: from the database; results: from the index). */
  organisationVerified: boolean | null;
  publishedAt: number | null;
  highlights: { title: Segment[]; snippet: Segment[] };
};

export type CatalogResponse =
  | { ok: true; hits: CatalogHit[]; total: number; page: number; limit: number; totalPages: number; processingTimeMs: number; alsoSearched?: string }
  | { ok: false; reason: "unavailable" }
  | { ok: false; reason: "invalid-filter"; attribute: string };

const RETRIEVE = [
  "id",
  "kind",
  "title",
  "teaser",
  "summary",
  "field",
  "lang",
  "trl",
  "visibility",
  "status",
  "chainId",
  "chainNodeId",
  "region",
  "collaborationModes",
  "organisationName",
  "organisationVerified",
  "publishedAt",
];

/**
 * A need hit shows what the database says of the need for this viewer (`recheckNeedHits`): of its
 * index document only these are used (and the highlighted text, which `_formatted` carries without
 * the fields being retrieved). Fewer retrieved fields: less engine work per hit.
 */
const RETRIEVE_NEEDS = ["id", "kind", "summary", "lang", "chainId", "chainNodeId", "publishedAt"];

/** What one catalogue search asks Meilisearch (built by `catalogSearchRequest`). */
export type CatalogRequest = {
  /**
   * One `POST /multi-search` body: federated (both texts ranked together) when the query
   * translates, else the one query on its own (no federation: Meilisearch skips the detailed
   * ranking scores a merge needs; same hits, same order).
   */
  params: FederatedMultiSearchParams | MultiSearchParams;
  /** The texts searched: as typed and, when it translates, its translation. */
  texts: string[];
  filter: string[];
  page: number;
  limit: number;
  alsoSearched?: string;
};

/**
 * The Meilisearch request of a catalogue search (one multi-search), without sending it.
 * Pure but for the index names: `searchCatalog` sends it, and bench/load.ts sends the same
 * request straight to the engine to measure what the app asks of it.
 */
export function catalogSearchRequest(query: CatalogQuery): CatalogRequest | { invalidFilter: string } {
  const limit = Math.min(50, Math.max(1, Math.floor(query.limit ?? 20)));
  const page = Math.min(1000, Math.max(1, Math.floor(query.page ?? 1)));
  const q = (query.q ?? "").slice(0, 500);
  let filter: string[];
  try {
    filter = buildFilters(restrictFilters(query.filters, query.viewer, query.type));
    if (query.type === "needs" && isBrokerView(query.viewer) && !query.filters?.status?.length) {
      filter.push(oneOf("status", [...PUBLIC_NEED_STATUSES]));
    }
  } catch (e) {
    if (e instanceof FilterValueError) return { invalidFilter: e.attribute };
    throw e;
  }
  const kind = query.type === "results" ? "results" : needsIndexFor(query.viewer);
  const snippetSources = query.type === "results" ? ["summary", "description"] : ["teaser", "description"];
  const { queries: texts, alsoSearched } = catalogQueries(q);
  const queries: MultiSearchQuery[] = texts.map((text) => ({
    indexUid: indexUid(kind),
    q: text,
    filter,
    // No `attributesToSearchOn`: the index searches exactly the catalogue's fields (its settings,
    // applied before every write: `CATALOG_SEARCH_ATTRIBUTES`), and naming them again made
    // Meilisearch read each word per field, ~4% of its CPU per search for the same answer
    // (docs/SCALE.md, issue 18, third pass).
    // The description only ever shows as a cropped snippet: Meilisearch puts the cropped text
    // in `_formatted` without the full text being retrieved (a third of the answer's bytes).
    attributesToRetrieve: [...(query.type === "results" ? RETRIEVE : RETRIEVE_NEEDS), "version"],
    attributesToHighlight: ["title", ...snippetSources],
    attributesToCrop: snippetSources,
    cropLength: 40,
    highlightPreTag: PRE,
    highlightPostTag: POST,
    sort: query.sort === "newest" ? ["publishedAt:desc"] : undefined,
  }));
  const params: FederatedMultiSearchParams | MultiSearchParams =
    queries.length > 1 ? { federation: { offset: (page - 1) * limit, limit }, queries } : { queries: [{ ...queries[0]!, offset: (page - 1) * limit, limit }] };
  return { params, texts, filter, page, limit, ...(alsoSearched ? { alsoSearched } : {}) };
}

/**
 * Catalogue search, server-side. Brokers/admins search `needs_broker`, everyone else `needs`
 * (which only ever holds what the public may see). Meilisearch being down gives an explicit
 * `{ ok: false, reason: "unavailable" }`, never a silent empty list.
 */
export async function searchCatalog(query: CatalogQuery): Promise<CatalogResponse> {
  const request = catalogSearchRequest(query);
  if ("invalidFilter" in request) return { ok: false, reason: "invalid-filter", attribute: request.invalidFilter };
  const { texts, filter, page, limit, alsoSearched } = request;
  const snippetAttr = query.type === "results" ? "summary" : "teaser";
  try {
    const res = "federation" in request.params ? await searchFederated(request.params) : await searchSingle(request.params);
    let hits: CatalogHit[] = res.hits.map((h) => {
      const f = (h._formatted ?? {}) as Record<string, unknown>;
      const snippetFormatted =
        (typeof f[snippetAttr] === "string" && (f[snippetAttr] as string).includes(PRE) ? f[snippetAttr] : undefined) ??
        (typeof f.description === "string" && (f.description as string).includes(PRE) ? f.description : undefined) ??
        f[snippetAttr] ??
        f.description ??
        "";
      return {
        id: String(h.id),
        kind: h.kind === "result" ? "result" : "need",
        title: String(h.title ?? ""),
        teaser: (h.teaser as string | null) ?? null,
        summary: (h.summary as string | null) ?? null,
        field: String(h.field ?? ""),
        lang: h.lang === "en" ? "en" : "zh",
        trl: (h.trl as number | null) ?? null,
        visibility: (h.visibility as string | null) ?? null,
        status: String(h.status ?? ""),
        chainId: (h.chainId as string | null) ?? null,
        chainNodeId: (h.chainNodeId as string | null) ?? null,
        region: (h.region as string | null) ?? null,
        collaborationModes: (h.collaborationModes as string[] | undefined) ?? [],
        organisationName: (h.organisationName as string | null) ?? null,
        organisationVerified: (h.organisationVerified as boolean | null | undefined) ?? null,
        publishedAt: (h.publishedAt as number | null) ?? null,
        highlights: { title: toSegments(f.title ?? h.title), snippet: toSegments(snippetFormatted) },
      };
    });
    let dropped = 0;
    if (query.type === "needs") {
      const before = hits.length;
      const versions = new Map(res.hits.map((h) => [String(h.id), typeof h.version === "number" ? h.version : null]));
      const formattedTeasers = new Map(res.hits.map((h) => [String(h.id), (h._formatted as Record<string, unknown> | undefined)?.teaser]));
      const publicOnly = new Set<string>();
      const views = await recheckNeedHits(
        query.viewer,
        hits.map((h) => ({ id: h.id, version: versions.get(h.id) ?? null })),
        publicOnly,
      );
      // A broker's hit on a need they do not act for stands only if a researcher's search (the
      // public index) finds it too; its snippet then comes from that public document.
      const confirmed = publicOnly.size > 0 ? await confirmInPublicIndex(texts, [...publicOnly], filter) : new Map<string, unknown>();
      hits = hits.flatMap((hit) => {
        const view = views.get(hit.id);
        if (!view) return [];
        if (publicOnly.has(hit.id)) {
          if (!confirmed.has(hit.id)) return [];
          formattedTeasers.set(hit.id, confirmed.get(hit.id));
        }
        // Everything shown comes from the database view; a teaser-level hit's snippet comes from
        // its teaser only (a broker's index document holds the full text).
        const teaserSnippet = view.access === "teaser" || publicOnly.has(hit.id) ? toSegments(formattedTeasers.get(hit.id) ?? view.teaser ?? "") : null;
        return [
          {
            ...hit,
            title: view.title,
            teaser: view.teaser,
            field: view.field,
            trl: view.trlTarget,
            visibility: view.visibility,
            status: view.status,
            region: view.region,
            collaborationModes: view.collaborationModes,
            organisationName: view.organisation?.name ?? null,
            organisationVerified: view.organisation?.verified ?? null,
            highlights: { title: hit.highlights.title, snippet: teaserSnippet ?? hit.highlights.snippet },
          },
        ];
      });
      dropped = before - hits.length;
    }
    const found = res.totalHits ?? res.estimatedTotalHits ?? hits.length;
    return {
      ok: true,
      hits,
      total: Math.max(0, found - dropped),
      page,
      limit,
      totalPages: Math.ceil(found / limit),
      processingTimeMs: res.processingTimeMs,
      ...(alsoSearched ? { alsoSearched } : {}),
    };
  } catch (e) {
    if (isUnavailableError(e)) return { ok: false, reason: "unavailable" };
    // An index without any document yet does not know its searchable fields: nothing to find.
    if (meiliErrorCode(e) === "invalid_search_attributes_to_search_on") {
      return { ok: true, hits: [], total: 0, page, limit, totalPages: 0, processingTimeMs: 0 };
    }
    throw e;
  }
}

/**
 * The texts one catalogue search sends (as one federated request): the query as typed and, when it
 * translates, its translation, so that "battery" and "电池" both find Chinese and English records,
 * ranked together by the same rules. Product codes (PC/ABS, ABS, UL94) are never translated (the
 * translation keeps them as written) and are sent as phrases: Meilisearch then neither
 * prefix-matches them (abs would find "absolute") nor typo-matches them (SUS304 would find SUS303).
 * Pure.
 */
export function catalogQueries(q: string): { queries: string[]; alsoSearched?: string } {
  const known = translatedQueries.get(q);
  if (known) return known;
  const built = buildCatalogQueries(q);
  translatedQueries.set(q, built);
  return built;
}

// The translation (jieba, the thesaurus, the dictionary) is pure and its cost shows in the
// server's CPU per search request; catalogue queries repeat, so each process keeps recent ones.
const translatedQueries = new LRUCache<string, { queries: string[]; alsoSearched?: string }>({ max: 5_000 });

function buildCatalogQueries(q: string): { queries: string[]; alsoSearched?: string } {
  const typed = q.trim();
  const translated = typed ? translateQuery(typed) : "";
  const queries = translated ? [typed, [...productCodes(typed), translated].join(" ")] : [typed];
  return {
    queries: queries.map((text) => quoteProductCodes(endsWithProductCode(text) ? `${text} ` : text)),
    ...(translated ? { alsoSearched: queries[1] } : {}),
  };
}

/**
 * Which of `ids` the same search texts find in the public index (what a researcher may find), with
 * the highlighted teaser of each. One extra search, only when a broker's page holds such hits.
 */
async function confirmInPublicIndex(texts: string[], ids: string[], filter: string[]): Promise<Map<string, unknown>> {
  const res = await searchFederated({
    federation: { limit: ids.length },
    queries: texts.map((text) => ({
      indexUid: indexUid("needs"),
      q: text,
      filter: [...filter, oneOf("id", ids)],
      attributesToSearchOn: [...CATALOG_SEARCH_ATTRIBUTES.needs],
      attributesToRetrieve: ["id"],
      attributesToHighlight: ["teaser"],
      highlightPreTag: PRE,
      highlightPostTag: POST,
    })),
  });
  return new Map(res.hits.map((h) => [String(h.id), (h._formatted as Record<string, unknown> | undefined)?.teaser]));
}

/** Non-brokers cannot filter on status/visibility (the public index only holds public needs). */
function restrictFilters(filters: CatalogFilters | undefined, viewer: Viewer, type: "needs" | "results"): CatalogFilters {
  const f = { ...(filters ?? {}) };
  if (type === "results" || !isBrokerView(viewer)) {
    delete f.status;
    delete f.visibility;
  }
  return f;
}
