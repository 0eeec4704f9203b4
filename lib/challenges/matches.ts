import "server-only";
import { confidentMatches } from "@/lib/alerts/confidence";
import { prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { isGoodMatch } from "@/lib/matching/calibrate";
import { loadChallengeMatchSnapshot, matchAndStoreChallenge, type ChallengeMatchSnapshotData } from "@/lib/matching/challenge-snapshot";
import type { Actor } from "@/lib/policy";
import { loadChallenge, permit } from "./load";
import { notifyAll } from "./notices";

// A challenge's matches delivered to people (issue 15, "a challenge is matched to results and
// researchers like a need, and they are notified"): lib/matching computes and stores them
// (challenge-snapshot.ts); this file shows them to the sponsor side and staff, tells the matched
// researchers and result owners once when the call is published, and lists the open calls matched
// to a solver on their dashboard. The stored lists are re-checked against the database when shown.

/** Shown on the challenge page. */
const SHOWN = { results: 10, researchers: 5 } as const;
/** Told when the call is published (at most, best first). */
const TOLD = 20;

export type ChallengeMatchesView =
  | { ok: false; reason: "unavailable" }
  | {
      ok: true;
      computedAt: string;
      results: { id: string; title: string; score: number; organisationName: string | null }[];
      researchers: {
        userId: string;
        name: string | null;
        organisationName: string | null;
        matchScore: number | null;
        results: { id: string; title: string }[];
      }[];
    };

/** The sponsor side's and staff's view of the call's matched results and researchers. */
export async function getChallengeMatches(actor: Actor, challengeId: string): Promise<ChallengeMatchesView> {
  const { row, facts } = await loadChallenge(prisma, actor, challengeId);
  permit(actor, "challenge.seeMatches", facts);
  const outcome = await loadChallengeMatchSnapshot(row);
  if (!outcome.ok) return outcome;
  const { matches, researchers, computedAt } = outcome.snapshot;
  // Re-checked: results unpublished since, and people who joined the sponsor or its panel, drop out.
  const [live, seats] = await Promise.all([
    prisma.result.findMany({
      where: { id: { in: matches.map((m) => m.id) }, status: "PUBLISHED" },
      select: { id: true, title: true, organisation: { select: { name: true } } },
    }),
    prisma.challengePanelMember.findMany({ where: { challengeId }, select: { userId: true } }),
  ]);
  const byId = new Map(live.map((r) => [r.id, r]));
  const users = await prisma.user.findMany({ where: { id: { in: researchers.map((r) => r.userId) } }, select: { id: true, organisationId: true } });
  const excluded = new Set([...seats.map((s) => s.userId), ...users.filter((u) => u.organisationId === row.organisationId).map((u) => u.id)]);
  return {
    ok: true,
    computedAt: computedAt.toISOString(),
    results: matches
      .filter((m) => byId.has(m.id) && isGoodMatch(m.score))
      .slice(0, SHOWN.results)
      .map((m) => ({ id: m.id, title: byId.get(m.id)!.title, score: m.score, organisationName: byId.get(m.id)!.organisation?.name ?? null })),
    researchers: researchers
      .filter((r) => !excluded.has(r.userId) && users.some((u) => u.id === r.userId))
      .slice(0, SHOWN.researchers)
      .map((r) => ({
        userId: r.userId,
        name: r.name,
        organisationName: r.organisationName,
        matchScore: r.matchScore,
        results: r.results.filter((x) => byId.has(x.id)),
      })),
  };
}

/**
 * Whom to tell about a published call: the owners of the results it confidently matches and the
 * researchers ranked for it (best result confidently matched, or recommended for their expertise),
 * never the sponsor's own people or its panel. Pure.
 */
export function matchedRecipients(
  snapshot: Pick<ChallengeMatchSnapshotData, "matches" | "researchers">,
  resultOwners: ReadonlyMap<string, string>,
  excluded: ReadonlySet<string>,
): string[] {
  const confident = confidentMatches(snapshot.matches);
  const confidentIds = new Set(confident.map((m) => m.id));
  const owners = confident.flatMap((m) => (resultOwners.has(m.id) ? [resultOwners.get(m.id)!] : []));
  const researchers = snapshot.researchers
    .filter((r) => r.results.some((x) => confidentIds.has(x.id)) || (r.matchScore === null && r.expertiseWords.length >= 2))
    .map((r) => r.userId);
  return [...new Set([...owners, ...researchers])].filter((id) => !excluded.has(id)).slice(0, TOLD);
}

/**
 * Job "match-challenge": recomputes the call's stored matches; with `notify` (queued when the call
 * is published) the matched people are told once per call (dedupe key), while it is still open.
 */
export async function runChallengeMatching(challengeId: string, notify: boolean): Promise<number> {
  const snapshot = await matchAndStoreChallenge(challengeId);
  if (!snapshot || !notify) return 0;
  const challenge = await prisma.challenge.findUnique({
    where: { id: challengeId },
    select: { id: true, title: true, status: true, organisationId: true, panel: { select: { userId: true } } },
  });
  if (!challenge || challenge.status !== "OPEN") return 0;
  const owners = await prisma.result.findMany({
    where: { id: { in: snapshot.matches.map((m) => m.id) }, status: "PUBLISHED" },
    select: { id: true, createdById: true },
  });
  const candidates = [...new Set([...owners.map((o) => o.createdById), ...snapshot.researchers.map((r) => r.userId)])];
  const sponsorSide = await prisma.user.findMany({ where: { id: { in: candidates }, organisationId: challenge.organisationId }, select: { id: true } });
  const excluded = new Set([...sponsorSide.map((u) => u.id), ...challenge.panel.map((p) => p.userId)]);
  const recipients = matchedRecipients(snapshot, new Map(owners.map((o) => [o.id, o.createdById])), excluded);
  return prisma.$transaction((tx) =>
    notifyAll(tx, recipients, "matched", { title: challenge.title }, `/challenges/${challenge.id}`, `challenge-match:${challenge.id}`),
  );
}

export type ChallengeForYou = { id: string; title: string; bountyTotalCny: number; applicationDeadline: string; applied: boolean };

/**
 * "Challenges for you" (the solver's dashboard): open calls whose stored matches name the viewer
 * as a researcher or hold a result of theirs (or of their organisation), soonest deadline first.
 */
export async function challengesForYou(actor: Actor, now = new Date()): Promise<ChallengeForYou[]> {
  if (actor.role !== "RESEARCHER" && actor.role !== "COMPANY") return [];
  const open = await prisma.challenge.findMany({
    where: {
      status: "OPEN",
      applicationDeadline: { gt: now },
      matchSnapshot: { isNot: null },
      NOT: actor.organisationId ? { organisationId: actor.organisationId } : undefined,
    },
    orderBy: { applicationDeadline: "asc" },
    take: 200,
    select: {
      id: true,
      title: true,
      bountyTotalCny: true,
      applicationDeadline: true,
      matchSnapshot: { select: { matches: true, researchers: true } },
      applications: { where: { applicantId: actor.id }, select: { id: true } },
    },
  });
  const ownResults = new Set(
    (
      await prisma.result.findMany({
        where: { status: "PUBLISHED", OR: [{ createdById: actor.id }, ...(actor.organisationId ? [{ organisationId: actor.organisationId }] : [])] },
        select: { id: true },
        take: 1000,
      })
    ).map((r) => r.id),
  );
  return open
    .filter((c) => {
      const s = c.matchSnapshot!;
      const matches = (Array.isArray(s.matches) ? s.matches : []) as { id: string; score: number }[];
      const researchers = (Array.isArray(s.researchers) ? s.researchers : []) as { userId: string }[];
      return researchers.some((r) => r.userId === actor.id) || matches.some((m) => ownResults.has(m.id) && isGoodMatch(m.score));
    })
    .slice(0, 5)
    .map((c) => ({
      id: c.id,
      title: c.title,
      bountyTotalCny: c.bountyTotalCny,
      applicationDeadline: c.applicationDeadline.toISOString(),
      applied: c.applications.length > 0,
    }));
}

/**
 * After the search indexes are rebuilt (npm run reindex, the demo): the open calls' matches are
 * recomputed by the worker (no one is told again: that happens once, at publication).
 */
export async function queueOpenChallengeMatching(db: Pick<PrismaClient, "challenge" | "$queryRaw">): Promise<number> {
  const open = await db.challenge.findMany({ where: { status: "OPEN" }, select: { id: true } });
  for (const c of open) await enqueueJob(db, "match-challenge", { challengeId: c.id }, { jobKey: `match-challenge:${c.id}` });
  return open.length;
}
