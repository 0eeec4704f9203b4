// npm run bench:fresh — how long a newly published result takes to appear in the stored match list
// (NeedMatchSnapshot) of a need it matches, through the production path: createResult (row + index
// job in one transaction) -> worker: index-results -> match-result -> refresh-need-matches.
// Runs against an existing catalogue (e.g. `npm run seed:scale -- 100000` + `npm run reindex` into a
// throwaway database): DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX_PREFIX. It publishes
// BENCH_ROUNDS (default 5) results, each written for one randomly chosen published need whose
// snapshot was computed just before, and waits for each to show in that need's snapshot. The
// results stay in the database: use a throwaway one. Target: <= 60 s.
import type { Runner } from "graphile-worker";
import { prisma } from "@/lib/db";
import { startWorker } from "@/lib/worker/run-worker";
import type { Match } from "@/lib/matching/matcher";
import { computeNeedMatchSnapshot } from "@/lib/needs/need-match-snapshot";
import type { Actor } from "@/lib/policy";
import { getMeili, indexUid } from "@/lib/search/client";
import { createResult } from "@/lib/results/create-result";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);
const POLL_MS = 200;

if (!process.env.DATABASE_URL || !process.env.MEILI_URL) {
  console.error("bench:fresh needs DATABASE_URL and MEILI_URL (+ MEILI_MASTER_KEY) of a seeded, indexed catalogue (npm run seed:scale, npm run reindex).");
  process.exit(2);
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function pickNeed() {
  const [row] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Need" TABLESAMPLE SYSTEM (5)
    WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' AND length(description) > 40 LIMIT 1`;
  if (!row) throw new Error("no published public need in the catalogue");
  return prisma.need.findUniqueOrThrow({ where: { id: row.id } });
}

async function pickResearcher(notOrganisationId: string): Promise<Actor> {
  const user = await prisma.user.findFirstOrThrow({ where: { role: "RESEARCHER", organisationId: { not: null }, NOT: { organisationId: notOrganisationId } } });
  return { id: user.id, role: user.role, organisationId: user.organisationId, isOrgAdmin: false, email: user.email, name: user.name };
}

async function inSnapshot(needId: string, resultId: string): Promise<number | null> {
  const row = await prisma.needMatchSnapshot.findUnique({ where: { needId }, select: { matches: true } });
  const i = ((row?.matches ?? []) as unknown as Match[]).findIndex((m) => m.id === resultId);
  return i >= 0 ? i + 1 : null;
}

/** Whether the result's document is in the results index yet (the first half of the path). */
async function isIndexed(resultId: string): Promise<boolean> {
  return getMeili()
    .index(indexUid("results"))
    .getDocument(resultId, { fields: ["id"] })
    .then(
      () => true,
      () => false,
    );
}

async function main() {
  const [needs, results] = await Promise.all([prisma.need.count(), prisma.result.count()]);
  const [queued] = await prisma.$queryRaw<{ pending: bigint }[]>`SELECT count(*) AS pending FROM graphile_worker.jobs`;
  const pending = queued?.pending ?? 0;
  console.log(`catalogue: ${needs} needs + ${results} results; jobs already queued: ${pending}`);
  const worker: Runner = await startWorker(process.env.DATABASE_URL!, Number(process.env.WORKER_CONCURRENCY ?? 4));
  const latencies: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const need = await pickNeed();
      // The need's list as its page would show it now (fresh: no refresh would be due for 10 min).
      const before = await computeNeedMatchSnapshot(need.id);
      if (!before?.ok) throw new Error("Meilisearch unavailable");
      const author = await pickResearcher(need.organisationId);
      const started = performance.now();
      const { id } = await createResult(author, {
        title: `${need.title}：成熟解决方案`,
        summary: `${(need.teaser ?? need.description).slice(0, 400)}`,
        description: need.description.slice(0, 2000),
        field: need.field,
        keywords: need.keywords.slice(0, 8),
        chainNodeId: need.chainNodeId ?? undefined,
        trl: 7,
        transferModes: [],
      });
      let rank: number | null = null;
      let indexedMs: number | null = null;
      while ((rank = await inSnapshot(need.id, id)) === null) {
        if (performance.now() - started > TIMEOUT_MS)
          throw new Error(`result ${id} did not appear in need ${need.id}'s snapshot within ${TIMEOUT_MS / 1000} s`);
        if (indexedMs === null && (await isIndexed(id))) indexedMs = performance.now() - started;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      const ms = performance.now() - started;
      latencies.push(ms);
      const indexed = indexedMs === null ? "" : `, searchable after ${(indexedMs / 1000).toFixed(2)} s`;
      console.log(
        `round ${round}: need ${need.id} (${before.snapshot.matches.length} matches before) -> result ${id} at rank ${rank} after ${(ms / 1000).toFixed(2)} s${indexed}`,
      );
    }
  } finally {
    await worker.stop();
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `publish -> in a matching need's list: median ${s(percentile(latencies, 50))}, max ${s(Math.max(...latencies))} over ${latencies.length} results (target <= 60 s)`,
  );
}

try {
  await main();
} catch (err) {
  console.error(`bench:fresh failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
process.exit();
