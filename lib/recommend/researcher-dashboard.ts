import "server-only";
import { prisma } from "@/lib/db";
import { profileText } from "@/lib/expertise/score";
import { LRUCache } from "lru-cache";
import { matchSubject, type Match, type MatchResponse } from "@/lib/matching/matcher";
import { rankNeedsForResult } from "@/lib/matching/result-matches";
import { needsIndexFor } from "@/lib/search/access";
import { singleFlight } from "@/lib/single-flight";
import { authorize, type MaybeActor } from "@/lib/policy";
import { matchOrEmpty } from "@/lib/matching/match-safely";
import { needSideScores, pairKey } from "@/lib/matching/pair-scores";
import { recheckNeedHits } from "@/lib/needs/recheck-need-hits";
import { visibleMatchTerms } from "@/lib/needs/visible-terms";

export type DashboardNeed = Match & { viaResults: { id: string; title: string }[] };
export type ResearcherDashboard = {
  unavailable: boolean;
  resultCount: number;
  hasProfile: boolean;
  fromResults: DashboardNeed[];
  fromExpertise: Match[];
};

const RESULTS_CHECKED = 10;
const PER_SOURCE = 10;

// The needs ranked for an expertise profile, kept per profile version and index for a few minutes
// like a result's (lib/matching/result-matches.ts): what is shown is still re-checked per view.
const expertiseRankings = new LRUCache<string, Extract<MatchResponse, { ok: true }>>({ max: 5_000, ttl: 5 * 60_000 });
const rankExpertiseOnce = singleFlight<MatchResponse>();

/**
 * Needs for a researcher: those matching their published results and those matching their
 * expertise profile. Searches run as the researcher, so only needs they may see come back
 * (confidential ones by their teaser).
 */
export async function getResearcherDashboard(actor: MaybeActor): Promise<ResearcherDashboard> {
  authorize(actor, "researcher.dashboard");
  const [results, profile] = await Promise.all([
    prisma.result.findMany({
      where: { createdById: actor.id, status: "PUBLISHED" },
      orderBy: { updatedAt: "desc" },
      take: RESULTS_CHECKED,
      select: { id: true, title: true, version: true },
    }),
    prisma.expertiseProfile.findUnique({ where: { userId: actor.id } }),
  ]);
  let unavailable = false;
  const byNeed = new Map<string, DashboardNeed>();
  // Each result's ranking is the one its own page keeps (per result version and index, a few
  // minutes): a dashboard view runs the matcher only for what no page view ranked recently.
  const rankings = await Promise.all(results.map((r) => matchOrEmpty(() => rankNeedsForResult(actor, r, PER_SOURCE))));
  for (const [i, r] of results.entries()) {
    const res = rankings[i];
    if (!res) continue;
    if (!res.ok) {
      unavailable = true;
      break;
    }
    for (const m of res.matches) {
      const seen = byNeed.get(m.id);
      if (seen) {
        seen.viaResults.push({ id: r.id, title: r.title });
        if (m.score > seen.score) Object.assign(seen, { ...m, viaResults: seen.viaResults });
      } else byNeed.set(m.id, { ...m, viaResults: [{ id: r.id, title: r.title }] });
    }
  }
  let fromExpertise: Match[] = [];
  const text = profile ? profileText(profile).trim() : "";
  if (profile && text && !unavailable) {
    const key = `${profile.userId}\u0000${profile.updatedAt.getTime()}\u0000${needsIndexFor(actor)}`;
    const res =
      expertiseRankings.get(key) ??
      (await matchOrEmpty(() =>
        rankExpertiseOnce(key, () => matchSubject({ text: { title: profile.fields.join(" "), body: text } }, "needs", { viewer: actor, limit: PER_SOURCE })),
      ));
    if (res?.ok) expertiseRankings.set(key, res);
    if (res?.ok) fromExpertise = res.matches;
    else unavailable = true;
  }
  const fromResultsTop = [...byNeed.values()].sort((a, b) => b.score - a.score).slice(0, 20);
  // The database decides what is shown, and chips come from what the researcher may read.
  const views = await recheckNeedHits(
    actor,
    [...fromResultsTop, ...fromExpertise].map((m) => ({ id: m.id, version: m.version })),
  );
  // The same figure for each need-result pair as on the need's own match list, for needs the
  // researcher reads in full (a teaser-only need keeps the figure computed from its teaser).
  const pairs = fromResultsTop.flatMap((m) => (views.get(m.id)?.access === "full" ? m.viaResults.map((r) => ({ needId: m.id, resultId: r.id })) : []));
  const needSide = await needSideScores(pairs);
  for (const m of fromResultsTop) {
    const figures = m.viaResults.map((r) => needSide.get(pairKey(m.id, r.id))).filter((x): x is number => x !== undefined);
    if (figures.length) m.score = Math.max(...figures);
  }
  fromResultsTop.sort((a, b) => b.score - a.score);
  const shown = <M extends Match>(m: M): M[] => {
    const view = views.get(m.id);
    if (!view) return [];
    const matchedTerms = visibleMatchTerms(view)(m.explanation.matchedTerms);
    return [
      {
        ...m,
        title: view.title,
        organisationName: view.organisation?.name ?? null,
        organisationVerified: view.organisation?.verified ?? null,
        explanation: { ...m.explanation, matchedTerms },
      },
    ];
  };
  return {
    unavailable,
    resultCount: results.length,
    hasProfile: !!profile,
    fromResults: fromResultsTop.flatMap(shown),
    fromExpertise: fromExpertise.flatMap(shown),
  };
}
