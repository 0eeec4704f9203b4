import "server-only";
import { prisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/logger";
import { rankResearchers, type ResearcherMatch } from "@/lib/recommend/rank-researchers";
import { singleFlight } from "@/lib/single-flight";
import { hasCalibratedMatches } from "./calibrate";
import { matchesOrThrow, matchOrEmpty } from "./match-safely";
import { matchSubject } from "./matcher";
import { challengeMatchSubject } from "./subjects";
import type { Match } from "./types";

// A challenge's matches (research results and researchers), stored per challenge version like a
// need's (need-snapshot.ts): computed by the "match-challenge" job when the call is published (and
// whenever a served snapshot is past its freshness window or a result it may hold changed), or once
// by the first viewer who finds none for the current version. The subject is what every solver may
// read of the call (challengeMatchSubject), so the same snapshot tells researchers about it.
export const CHALLENGE_SNAPSHOT = {
  matches: 30,
  researchers: 10,
  freshForMs: 10 * 60_000,
} as const;

export type ChallengeMatchSnapshotData = { challengeVersion: number; computedAt: Date; matches: Match[]; researchers: ResearcherMatch[] };
export type ChallengeSnapshotOutcome = { ok: true; snapshot: ChallengeMatchSnapshotData } | { ok: false; reason: "unavailable" };

const challengeForSnapshot = (challengeId: string) =>
  prisma.challenge.findUnique({
    where: { id: challengeId },
    select: {
      id: true,
      version: true,
      organisationId: true,
      title: true,
      teaser: true,
      problem: true,
      keywords: true,
      visibility: true,
      field: true,
      region: true,
      chainNodeId: true,
      chainNode: { select: { chainId: true } },
    },
  });
type ChallengeForSnapshot = NonNullable<Awaited<ReturnType<typeof challengeForSnapshot>>>;

async function saveChallengeMatchSnapshot(c: ChallengeForSnapshot, matches: readonly Match[]): Promise<ChallengeMatchSnapshotData> {
  const top = matches.slice(0, CHALLENGE_SNAPSHOT.matches);
  const researchers = await rankResearchers(challengeMatchSubject(c).text, top, {
    limit: CHALLENGE_SNAPSHOT.researchers,
    excludeOrganisationId: c.organisationId,
  });
  const computedAt = new Date();
  // Stored only while the challenge is still at the version matched, never over a newer one.
  await prisma.$executeRaw`
    INSERT INTO "ChallengeMatchSnapshot" ("challengeId", "challengeVersion", "computedAt", "matches", "researchers")
    SELECT c.id, c.version, ${computedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${JSON.stringify(top)}::jsonb, ${JSON.stringify(researchers)}::jsonb
    FROM "Challenge" c WHERE c.id = ${c.id} AND c.version = ${c.version}
    ON CONFLICT ("challengeId") DO UPDATE SET
      "challengeVersion" = EXCLUDED."challengeVersion", "computedAt" = EXCLUDED."computedAt",
      "matches" = EXCLUDED."matches", "researchers" = EXCLUDED."researchers"
    WHERE "ChallengeMatchSnapshot"."challengeVersion" <= EXCLUDED."challengeVersion"`;
  return { challengeVersion: c.version, computedAt, matches: top, researchers };
}

/** Matches the challenge as it is now and stores the snapshot; "unavailable" when search is down. */
export async function computeChallengeMatchSnapshot(challengeId: string): Promise<ChallengeSnapshotOutcome | null> {
  const c = await challengeForSnapshot(challengeId);
  if (!c) return null;
  const response = await matchOrEmpty(() => matchSubject(challengeMatchSubject(c), "results", { limit: CHALLENGE_SNAPSHOT.matches }));
  if (response && !response.ok) return response;
  return { ok: true, snapshot: await saveChallengeMatchSnapshot(c, response?.matches ?? []) };
}

/** For the "match-challenge" job: search down throws (the job is retried); no index gives none. */
export async function matchAndStoreChallenge(challengeId: string): Promise<ChallengeMatchSnapshotData | null> {
  const c = await challengeForSnapshot(challengeId);
  if (!c) return null;
  const ranked = await matchesOrThrow("results", () => matchSubject(challengeMatchSubject(c), "results", { limit: CHALLENGE_SNAPSHOT.matches }));
  return saveChallengeMatchSnapshot(c, ranked);
}

/** Open calls can be few only: past this many, the oldest deadlines wait for their freshness window. */
const OPEN_CALLS_REMATCHED = 500;

/** The calls open for applications (soonest deadline first): matched again when a result is published. */
export async function openChallengeIds(): Promise<string[]> {
  const open = await prisma.challenge.findMany({
    where: { status: "OPEN" },
    orderBy: { applicationDeadline: "asc" },
    take: OPEN_CALLS_REMATCHED,
    select: { id: true },
  });
  return open.map((c) => c.id);
}

/**
 * Queues the recomputation of these challenges' stored snapshots (one pending job each). An open
 * call's job also tells owners and researchers newly matched (each once per call).
 */
export async function queueChallengeSnapshotRefreshes(challengeIds: readonly string[]): Promise<number> {
  if (challengeIds.length === 0) return 0;
  const stored = await prisma.challengeMatchSnapshot.findMany({
    where: { challengeId: { in: [...new Set(challengeIds)] } },
    select: { challengeId: true, challenge: { select: { status: true } } },
  });
  if (stored.length === 0) return 0;
  await prisma.$transaction(async (tx) => {
    for (const { challengeId, challenge } of stored) {
      const notify = challenge.status === "OPEN";
      await enqueueJob(tx, "match-challenge", { challengeId, notify }, { jobKey: `match-challenge:${challengeId}` });
    }
  });
  return stored.length;
}

const computeOnce = singleFlight<ChallengeSnapshotOutcome | null>();

/**
 * The stored snapshot for the challenge's current version, or computed now (once per process and
 * version). One past its freshness window is served and a refresh queued. The caller checked that
 * the viewer may see the challenge's matches.
 */
export async function loadChallengeMatchSnapshot(challenge: { id: string; version: number }): Promise<ChallengeSnapshotOutcome> {
  const row = await prisma.challengeMatchSnapshot.findUnique({ where: { challengeId: challenge.id } });
  const current =
    row && row.challengeVersion === challenge.version && Array.isArray(row.matches) && Array.isArray(row.researchers) && hasCalibratedMatches(row.matches);
  if (row && current) {
    if (Date.now() - row.computedAt.getTime() > CHALLENGE_SNAPSHOT.freshForMs) {
      await enqueueJob(prisma, "match-challenge", { challengeId: challenge.id }, { jobKey: `match-challenge:${challenge.id}` }).catch((err: unknown) =>
        logger.warn({ err, challengeId: challenge.id }, "could not queue the refresh of a challenge's match snapshot"),
      );
    }
    return {
      ok: true,
      snapshot: {
        challengeVersion: row.challengeVersion,
        computedAt: row.computedAt,
        matches: row.matches as unknown as Match[],
        researchers: row.researchers as unknown as ResearcherMatch[],
      },
    };
  }
  return (
    (await computeOnce(`${challenge.id}:${challenge.version}`, () => computeChallengeMatchSnapshot(challenge.id))) ?? {
      ok: true,
      snapshot: { challengeVersion: challenge.version, computedAt: new Date(), matches: [], researchers: [] },
    }
  );
}
