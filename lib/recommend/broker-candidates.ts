import "server-only";
import { prisma } from "@/lib/db";
import { feedbackSummaryFor, type FeedbackSummary } from "@/lib/feedback/match-feedback";
import { LRUCache } from "lru-cache";
import { matchSubject, type Match } from "@/lib/matching/matcher";
import { loadNeedMatchSnapshot } from "@/lib/matching/serve-need-snapshot";
import { recheckSnapshotMatches, recheckSnapshotResearchers } from "@/lib/matching/recheck-snapshot";
import { singleFlight } from "@/lib/single-flight";
import { needFactsOf, needRowInclude, presentNeed, type NeedView } from "@/lib/needs/present-need";
import { researcherVisibleSubject } from "@/lib/matching/subjects";
import { authorize, can, needScopeFor, type MaybeActor } from "@/lib/policy";
import { matchOrEmpty } from "@/lib/matching/match-safely";
import { rankResearchers, type ResearcherMatch } from "./rank-researchers";

export type CandidateResult = Match & { feedback: FeedbackSummary | null };
export type NeedCandidates = { need: NeedView; results: CandidateResult[]; researchers: ResearcherMatch[]; unavailable: boolean };

const PAGE_SIZE = 10;
const RESULTS_PER_NEED = 5;
const RESEARCHERS_PER_NEED = 3;
/** Ranked results re-read per view, of which the first RESULTS_PER_NEED still published are shown. */
const RESULTS_CHECKED = 20;

/** The broker's queue: newest live needs, each with its best results and researchers, and the feedback given on them. */
export async function listBrokerCandidates(actor: MaybeActor, page = 1): Promise<{ items: NeedCandidates[]; hasMore: boolean; pageSize: number }> {
  authorize(actor, "broker.candidates");
  const where = { AND: [needScopeFor(actor), { status: { in: ["SUBMITTED", "PUBLISHED", "IN_PROGRESS"] as ("SUBMITTED" | "PUBLISHED" | "IN_PROGRESS")[] } }] };
  // Published needs newest first, then unpublished ones (submitted, not yet published) newest first,
  // read segment by segment along the createdAt / publishedAt indexes, one row more than a page
  // telling whether there is a next one. (A sort and a count of the broker's whole scope per view
  // cost ~300 ms of database time at 100,000 records.)
  const skip = (Math.max(1, page) - 1) * PAGE_SIZE;
  const want = PAGE_SIZE + 1;
  const include = needRowInclude(actor);
  const published = await prisma.need.findMany({
    where: { AND: [where, { publishedAt: { not: null } }] },
    include,
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    skip,
    take: want,
  });
  const found =
    published.length === want
      ? published
      : [
          ...published,
          ...(await prisma.need.findMany({
            where: { AND: [where, { publishedAt: null }] },
            include,
            orderBy: [{ createdAt: "desc" }],
            skip: published.length > 0 ? 0 : Math.max(0, skip - (await prisma.need.count({ where: { AND: [where, { publishedAt: { not: null } }] } }))),
            take: want - published.length,
          })),
        ];
  const rows = found.slice(0, PAGE_SIZE);
  const feedback = await feedbackSummaryFor(
    actor,
    rows.map((r) => r.id),
  );
  // No matcher run per view: acting for the owner, the need's stored snapshot (the need page's
  // figures); otherwise the ranking of what a researcher may see of the need, kept per need
  // version for a few minutes. Either way results and researchers are re-read from the database
  // on every view (unpublished results and former researchers drop out at once).
  const items = await Promise.all(
    rows.map(async (row): Promise<NeedCandidates | null> => {
      const need = presentNeed(actor, row);
      if (!need) return null;
      // A broker not acting for the owner matches on what a researcher may see of the need, so
      // neither the candidates nor their "matched terms" derive from hidden text.
      const full = can(actor, "need.readFull", needFactsOf(row));
      const ranked = full ? await loadNeedMatchSnapshot(row) : await visibleRanking(row);
      if (!ranked) return { need, results: [], researchers: [], unavailable: false };
      if (!ranked.ok) return { need, results: [], researchers: [], unavailable: true };
      const [matches, researchers] = await Promise.all([
        recheckSnapshotMatches(ranked.snapshot.matches.slice(0, RESULTS_CHECKED)),
        recheckSnapshotResearchers(ranked.snapshot.researchers, row.organisationId),
      ]);
      return {
        need,
        results: matches.slice(0, RESULTS_PER_NEED).map((m) => ({ ...m, feedback: feedback.get(`${row.id}:${m.id}`) ?? null })),
        researchers: researchers.slice(0, RESEARCHERS_PER_NEED),
        unavailable: false,
      };
    }),
  );
  return { items: items.filter((i): i is NeedCandidates => i !== null), hasMore: found.length > PAGE_SIZE, pageSize: PAGE_SIZE };
}

type Ranked = { ok: true; snapshot: { matches: Match[]; researchers: ResearcherMatch[] } };
const visibleRankings = new LRUCache<string, Ranked>({ max: 5_000, ttl: 5 * 60_000 });
const rankVisibleOnce = singleFlight<Ranked | { ok: false; reason: "unavailable" } | null>();

/**
 * Results and researchers for what a researcher may see of a need (its teaser-level subject):
 * the same for every broker not acting for the owner (results are one public index), so kept per
 * need version. Null: nothing of the need is visible to match on.
 */
async function visibleRanking(row: Parameters<typeof researcherVisibleSubject>[0] & { id: string; version: number; organisationId: string }) {
  const key = `${row.id}\u0000${row.version}`;
  const kept = visibleRankings.get(key);
  if (kept) return kept;
  const visible = researcherVisibleSubject(row);
  if (!visible) return null;
  const ranked = await rankVisibleOnce(key, async () => {
    const res = await matchOrEmpty(() => matchSubject(visible, "results", { limit: 20 }));
    if (!res) return null;
    if (!res.ok) return res;
    const researchers = await rankResearchers(visible.text, res.matches, { limit: RESEARCHERS_PER_NEED * 3, excludeOrganisationId: row.organisationId });
    return { ok: true as const, snapshot: { matches: res.matches, researchers } };
  });
  if (ranked?.ok) visibleRankings.set(key, ranked);
  return ranked;
}
