import "server-only";
import type { MatchResponse } from "@/lib/matching/matcher";
import { meiliErrorCode } from "@/lib/search/client";

/**
 * Runs a matcher call; an index that does not exist yet (a fresh install where no need or result
 * was indexed so far) means "no matches", not a failure to retry.
 */
export async function matchOrEmpty(run: () => Promise<MatchResponse | null>): Promise<MatchResponse | null> {
  try {
    return await run();
  } catch (e) {
    if (meiliErrorCode(e) === "index_not_found") return { ok: true, matches: [] };
    throw e;
  }
}

/** For jobs: search down throws (graphile-worker retries later). */
export async function matchesOrThrow(run: () => Promise<MatchResponse | null>) {
  const response = await matchOrEmpty(run);
  if (response && !response.ok) throw new Error("search unavailable");
  return response?.matches ?? [];
}
