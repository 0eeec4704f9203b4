import "server-only";
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { awaitTask, getMeili, indexUid, matchIndexUid } from "./client";
import { INDEX_KINDS, type IndexKind } from "./config";
import { matchDocument, needBrokerDocument, needPublicDocument, resultDocument, type NeedRow, type ResultRow, type SearchDocument } from "./documents";
import { applyIndexSettings, applyMatchIndexSettings, ensureIndex } from "./settings";
import { syncNeeds, syncResults } from "./sync";
import { announceIndexChanged } from "./index-changes";

type Db = Pick<PrismaClient, "need" | "result" | "$queryRaw">;

// Rows per database page and per Meilisearch task. Meilisearch merges the tasks enqueued for one
// index into a single indexing run, so a larger page mostly saves HTTP round trips.
const PAGE = 5_000;
/** Rows changed during the rebuild are synced again afterwards, this many per batch. */
const CATCH_UP_BATCH = 1_000;

// Rows are read with one SQL join per page rather than findMany + include: at 100,000 records
// Prisma's ORM path cost ~5 s of CPU per 40,000 needs, this ~2.8 s (Node is single-threaded and
// shares two cores with Meilisearch). Only the columns documents are built from are read; enums
// come as text, a NULL list (Prisma reads it as []) as {}. `${afterId}` is a bound parameter.
type RawRelations = { orgName: string | null; orgRegion: string | null; chainId: string | null };

/** The joined organisation and chain columns, shaped as the sync path's Prisma `include` gives them. */
function withRelations<R extends { chainNodeId: string | null }>({ orgName, orgRegion, chainId, ...row }: R & RawRelations) {
  return { ...row, organisation: { name: orgName ?? "", region: orgRegion }, chainNode: chainId && row.chainNodeId ? { id: row.chainNodeId, chainId } : null };
}

function readNeeds(db: Db, afterId: string): Promise<NeedRow[]> {
  return db.$queryRaw<(Omit<NeedRow, "organisation" | "chainNode"> & RawRelations)[]>`
    SELECT n.id, n.version, n.title, n.teaser, COALESCE(n."teaserFields", '{}') AS "teaserFields", n.description, n."desiredOutcome", COALESCE(n.keywords, '{}') AS keywords,
           n.field, n.lang::text AS lang, n.visibility::text AS visibility, n.status::text AS status, n."trlTarget",
           n."budgetMinCny", n."budgetMaxCny", COALESCE(n."collaborationModes"::text[], '{}') AS "collaborationModes", n.region,
           n."chainNodeId", n."organisationId", n."createdAt", n."publishedAt",
           o.name AS "orgName", o.region AS "orgRegion", c."chainId"
      FROM "Need" n
      JOIN "Organisation" o ON o.id = n."organisationId"
      LEFT JOIN "ChainNode" c ON c.id = n."chainNodeId"
     WHERE n.id > ${afterId}
     ORDER BY n.id
     LIMIT ${PAGE}`.then((rows) => rows.map(withRelations));
}

function readResults(db: Db, afterId: string): Promise<ResultRow[]> {
  return db.$queryRaw<(Omit<ResultRow, "organisation" | "chainNode"> & RawRelations)[]>`
    SELECT r.id, r.version, r.title, r.summary, r.description, r.advantages, r."applicationScenarios", COALESCE(r.keywords, '{}') AS keywords,
           r.field, r.lang::text AS lang, r.status::text AS status, r.trl,
           COALESCE(r."transferModes"::text[], '{}') AS "transferModes", r."chainNodeId", r."organisationId", r."createdAt",
           o.name AS "orgName", o.region AS "orgRegion", c."chainId"
      FROM "Result" r
      JOIN "Organisation" o ON o.id = r."organisationId"
      LEFT JOIN "ChainNode" c ON c.id = r."chainNodeId"
     WHERE r.id > ${afterId}
     ORDER BY r.id
     LIMIT ${PAGE}`.then((rows) => rows.map(withRelations));
}

/**
 * Pages of rows in id order; the next page is already being read while the caller builds and
 * sends the current one (the database works while Node builds documents).
 */
async function* prefetchedPages<T extends { id: string }>(read: (afterId: string) => Promise<T[]>) {
  let next = read("");
  while (true) {
    const rows = await next;
    if (rows.length === 0) return;
    next = rows.length < PAGE ? Promise.resolve([]) : read(rows[rows.length - 1]!.id);
    // If the caller stops (Meilisearch refused a batch), the read already started must not end
    // as an unhandled rejection (that ends the process); it is still awaited normally otherwise.
    next.catch(() => undefined);
    yield rows;
  }
}

type Target = { kind: IndexKind; tmp: string; tmpMatch: string; count: number };

/** Sends documents to a temporary index and its match companion (HTTP awaited, task kept for later). */
async function send(client: Meilisearch, target: Target, docs: SearchDocument[], pending: EnqueuedTaskPromise[]) {
  if (docs.length === 0) return;
  target.count += docs.length;
  const main = client.index(target.tmp).addDocuments(docs, { primaryKey: "id" });
  const match = client.index(target.tmpMatch).addDocuments(docs.map(matchDocument), { primaryKey: "id" });
  pending.push(main, match);
  await Promise.all([main, match]); // the HTTP requests; the tasks are awaited before the swap
}

/**
 * Rebuilds every index from the database into temporary indexes, then swaps all of them in with
 * one atomic swap (searches keep working on the old ones until then) and deletes the old ones.
 * Rows written while the rebuild ran are synced again after the swap, so no update is lost.
 *
 * Why it is fast enough for 100,000 records (docs/SCALE.md): each need row is read once and its
 * public and broker documents share one text analysis; the next page is read while the current
 * one is analysed; all six indexes fill at the same time, so Meilisearch indexes while Node
 * analyses; and the live indexes are only created if missing, never re-configured (a settings
 * change on a full live index would re-index documents that are about to be replaced).
 */
export async function rebuildAllIndexes(db: Db, hooks: { beforeSwap?: () => Promise<void> } = {}): Promise<Record<IndexKind, number>> {
  const client = getMeili();
  const startedAt = new Date(Date.now() - 1000);
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const targets = Object.fromEntries(
    INDEX_KINDS.map((kind) => [kind, { kind, tmp: `${indexUid(kind)}__rebuild_${stamp}`, tmpMatch: `${matchIndexUid(kind)}__rebuild_${stamp}`, count: 0 }]),
  ) as Record<IndexKind, Target>;
  const all = Object.values(targets);
  // Every row read into the new indexes: one deleted before the swap has no row left to be
  // found by the catch-up below, so its document would outlive it.
  const readNeedIds: string[] = [];
  const readResultIds: string[] = [];

  try {
    for (const t of all) {
      await applyIndexSettings(client, t.tmp, t.kind);
      await applyMatchIndexSettings(client, t.tmpMatch);
    }

    const pending: EnqueuedTaskPromise[] = [];
    for await (const rows of prefetchedPages((afterId) => readNeeds(db, afterId))) {
      for (const row of rows) readNeedIds.push(row.id);
      const pub: SearchDocument[] = [];
      const broker: SearchDocument[] = [];
      for (const row of rows) {
        // Same row object for both: documents.ts analyses its text once.
        const p = needPublicDocument(row);
        if (p) pub.push(p);
        const b = needBrokerDocument(row);
        if (b) broker.push(b);
      }
      await Promise.all([send(client, targets.needs, pub, pending), send(client, targets.needs_broker, broker, pending)]);
    }
    for await (const rows of prefetchedPages((afterId) => readResults(db, afterId))) {
      for (const row of rows) readResultIds.push(row.id);
      const docs: SearchDocument[] = [];
      for (const row of rows) {
        const d = resultDocument(row);
        if (d) docs.push(d);
      }
      await send(client, targets.results, docs, pending);
    }
    // Every task is awaited and checked (a failed task throws) before anything is swapped.
    for (const task of pending) await awaitTask(task, 1_800_000);

    // The live indexes must exist to be swapped; their settings come with the new indexes.
    for (const t of all) {
      await ensureIndex(client, indexUid(t.kind));
      await ensureIndex(client, matchIndexUid(t.kind));
    }
    await hooks.beforeSwap?.();
    // One swap task for all six pairs: every index and its match companion change together.
    await awaitTask(
      client.swapIndexes(
        all.flatMap((t) => [
          { indexes: [indexUid(t.kind), t.tmp] as [string, string], rename: false },
          { indexes: [matchIndexUid(t.kind), t.tmpMatch] as [string, string], rename: false },
        ]),
      ),
    );
    await announceIndexChanged();
  } finally {
    // After the swap these hold the old documents; after a failure, the half-built ones.
    for (const t of all) {
      for (const uid of [t.tmp, t.tmpMatch]) await awaitTask(client.deleteIndex(uid)).catch(() => undefined);
    }
  }

  // Catch up with writes that happened during the rebuild (the batched sync: upserts and deletes).
  const deletedNeeds = await missingIds(readNeedIds, (ids) => db.need.findMany({ where: { id: { in: ids } }, select: { id: true } }));
  const deletedResults = await missingIds(readResultIds, (ids) => db.result.findMany({ where: { id: { in: ids } }, select: { id: true } }));
  const changedNeeds = [...deletedNeeds.map((id) => ({ id })), ...(await db.need.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } }))];
  for (let i = 0; i < changedNeeds.length; i += CATCH_UP_BATCH) {
    await syncNeeds(
      db,
      changedNeeds.slice(i, i + CATCH_UP_BATCH).map((r) => r.id),
    );
  }
  const changedResults = [
    ...deletedResults.map((id) => ({ id })),
    ...(await db.result.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } })),
  ];
  for (let i = 0; i < changedResults.length; i += CATCH_UP_BATCH) {
    await syncResults(
      db,
      changedResults.slice(i, i + CATCH_UP_BATCH).map((r) => r.id),
    );
  }
  return { needs: targets.needs.count, needs_broker: targets.needs_broker.count, results: targets.results.count };
}

/** Of `ids`, those no longer in the table (asked in slices that fit one query's parameters). */
async function missingIds(ids: readonly string[], present: (slice: string[]) => Promise<{ id: string }[]>): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    const slice = ids.slice(i, i + 10_000);
    const found = new Set((await present(slice)).map((r) => r.id));
    for (const id of slice) if (!found.has(id)) missing.push(id);
  }
  return missing;
}
