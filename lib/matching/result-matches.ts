import "server-only";
import { LRUCache } from "lru-cache";
import { prisma } from "@/lib/db";
import { matchNeedsForResult, type MatchResponse } from "./matcher";
import { recheckNeedHits } from "@/lib/needs/recheck-need-hits";
import { visibleMatchTerms } from "@/lib/needs/visible-terms";
import { singleFlight } from "@/lib/single-flight";
import type { MaybeActor } from "@/lib/policy";
import { needsIndexFor } from "@/lib/search/access";
import { getResult } from "@/lib/results/get-result";
import { alignNeedMatchScores } from "./pair-scores";

type Ranked = Extract<MatchResponse, { ok: true }>;

// Ranking needs for a result costs ~100 ms of server and Meilisearch CPU; a result page is viewed
// far more often than its ranking changes. The ranking (never what is shown: see below) is kept
// per process for a few minutes, per result version and per index the viewer searches (public or
// broker), like the matcher's corpus statistics; views of one result share one computation.
const RANKING_TTL_MS = 5 * 60_000;
const rankings = new LRUCache<string, Ranked>({ max: 5_000, ttl: RANKING_TTL_MS });
const rankOnce = singleFlight<MatchResponse | null>();

/** Forgets cached rankings (tests). */
export function clearResultRankings() {
  rankings.clear();
}

/**
 * The needs ranked for a result as the viewer's index (public or broker) finds them: the kept
 * ranking of this result version, or one computed now (and kept if it succeeded). Not yet
 * re-checked for the viewer: every caller re-checks what it shows (recheckNeedHits). Null: the
 * result is gone.
 */
export async function rankNeedsForResult(actor: MaybeActor, result: { id: string; version: number }, limit = 10): Promise<MatchResponse | null> {
  const key = `${result.id}\u0000${result.version}\u0000${needsIndexFor(actor)}\u0000${limit}`;
  const kept = rankings.get(key);
  if (kept) return kept;
  const response = await rankOnce(key, () => matchNeedsForResult(prisma, result.id, { viewer: actor, limit }));
  if (response?.ok) rankings.set(key, response);
  return response;
}

// Needs come from the index the viewer may search: confidential needs as teasers only,
// broker-only needs for brokers and admins only. Every need is then re-checked against the
// database for this viewer on every view (the index, and this cache, are never the authority on
// confidentiality, titles or whether a need is still open).
export async function getResultMatches(actor: MaybeActor, resultId: string, limit = 10): Promise<MatchResponse> {
  const result = await getResult(actor, resultId);
  const response = await rankNeedsForResult(actor, result, limit);
  if (!response) return { ok: true, matches: [] };
  if (!response.ok) return response;
  const publicOnly = new Set<string>();
  const views = await recheckNeedHits(
    actor,
    response.matches.map((m) => ({ id: m.id, version: m.version })),
    publicOnly,
  );
  const shown = response.matches.flatMap((m) => {
    const view = views.get(m.id);
    if (!view) return [];
    // Chips about a need the viewer reads only in part come from the part they read; a broker's
    // match (broker index) on such a need that nothing visible explains is not shown.
    const matchedTerms = visibleMatchTerms(view)(m.explanation.matchedTerms);
    if (publicOnly.has(m.id) && view.access !== "full" && matchedTerms.length === 0) return [];
    return [
      {
        ...m,
        title: view.title,
        field: view.field,
        trl: view.trlTarget,
        organisationName: view.organisation?.name ?? null,
        organisationVerified: view.organisation?.verified ?? null,
        explanation: { ...m.explanation, matchedTerms },
      },
    ];
  });
  // The same figure for each pair as on the need's own match list (needs the viewer reads in full).
  return { ok: true, matches: await alignNeedMatchScores(result.id, shown, (id) => views.get(id)?.access === "full") };
}
