import "server-only";
import type { MatchResponse } from "./matcher";
import { getMeili, indexUid, meiliErrorCode, SearchUnavailableError, type IndexKind } from "@/lib/search/client";

// What Meilisearch answers for an index that is missing, or empty (it cannot search fields that
// no document has yet): on a fresh install, before anything was indexed.
const EMPTY_INDEX_CODES = new Set(["index_not_found", "invalid_search_attributes_to_search_on"]);

/** Runs a matcher call; a missing or empty index means "no matches", not a failure. */
export async function matchOrEmpty(run: () => Promise<MatchResponse | null>): Promise<MatchResponse | null> {
  try {
    return await run();
  } catch (e) {
    if (EMPTY_INDEX_CODES.has(meiliErrorCode(e) ?? "")) return { ok: true, matches: [] };
    throw e;
  }
}

/** Whether the index of `kind` holds any document (a missing index holds none). */
async function hasDocuments(kind: IndexKind): Promise<boolean> {
  try {
    return (await getMeili().index(indexUid(kind)).getStats()).numberOfDocuments > 0;
  } catch (e) {
    if (meiliErrorCode(e) === "index_not_found") return false;
    throw e;
  }
}

/**
 * For jobs: the matches from searching the index of `kind`. An empty or missing index (a fresh
 * install: Meilisearch cannot search fields no document has yet) gives none; search being down
 * throws, so graphile-worker retries the job later.
 */
export async function matchesOrThrow(kind: IndexKind, run: () => Promise<MatchResponse | null>) {
  if (!(await hasDocuments(kind))) return [];
  const response = await matchOrEmpty(run);
  if (response && !response.ok) throw new SearchUnavailableError();
  return response?.matches ?? [];
}
