import "server-only";
import type { EnqueuedTaskPromise, Meilisearch } from "meilisearch";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { awaitTask, getMeili, indexUid, matchIndexUid } from "./client";
import { INDEX_KINDS, type IndexKind } from "./config";
import {
  needBrokerDocument,
  needPublicDocument,
  matchDocument,
  resultDocument,
  type NeedRow,
  type ResultRow,
  type SearchDocument,
} from "./documents";
import { applyIndexSettings, applyMatchIndexSettings } from "./settings";

type Db = Pick<PrismaClient, "need" | "result">;

const needInclude = {
  organisation: { select: { name: true, region: true } },
  chainNode: { select: { id: true, chainId: true } },
} as const;
const resultInclude = needInclude;

const BATCH = 1000;
const REBUILD_PAGE = 2000;
const MAX_ROUNDS = 5;

export type SyncOutcome = { id: string; version: number | null; actions: Partial<Record<IndexKind, "upserted" | "deleted" | "kept-newer">> };

/**
 * Upserts `doc` into the index of `kind` and its match companion (or deletes `id` from both when
 * doc is null), never replacing a newer version.
 */
async function putOrDelete(client: Meilisearch, kind: IndexKind, id: string, doc: SearchDocument | null) {
  const index = client.index(indexUid(kind));
  const match = client.index(matchIndexUid(kind));
  if (!doc) {
    const tasks = [index.deleteDocument(id), match.deleteDocument(id)];
    for (const t of tasks) await awaitTask(t);
    return "deleted" as const;
  }
  const current = await index.getDocument<{ version?: number }>(id, { fields: ["version"] }).catch(() => null);
  if (current && typeof current.version === "number" && current.version > doc.version) return "kept-newer" as const;
  const tasks = [index.addDocuments([doc], { primaryKey: "id" }), match.addDocuments([matchDocument(doc)], { primaryKey: "id" })];
  for (const t of tasks) await awaitTask(t);
  return "upserted" as const;
}

/**
 * Brings a row's documents in every index in line with the row as it is NOW in the database.
 * Idempotent. A job never writes an older version over a newer document; after writing, the row
 * is read again and the sync repeats if it changed meanwhile (a concurrent job with an older
 * snapshot cannot leave the index behind).
 */
async function syncRow<R extends { version: number }>(
  read: () => Promise<R | null>,
  id: string,
  targets: { kind: IndexKind; toDoc: (row: R) => SearchDocument | null }[],
): Promise<SyncOutcome> {
  const client = getMeili();
  let outcome: SyncOutcome = { id, version: null, actions: {} };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await read();
    outcome = { id, version: row?.version ?? null, actions: {} };
    for (const { kind, toDoc } of targets) {
      await ensureIndexWithSettings(client, kind);
      outcome.actions[kind] = await putOrDelete(client, kind, id, row ? toDoc(row) : null);
    }
    const again = await read();
    if ((again?.version ?? null) === outcome.version) return outcome;
  }
  return outcome;
}

const settingsApplied = new Set<string>();
/** Creates and configures the index of `kind` and its match companion (once per process). */
async function ensureIndexWithSettings(client: Meilisearch, kind: IndexKind) {
  const uid = indexUid(kind);
  const key = `${client.config.host}|${uid}`;
  if (settingsApplied.has(key)) return;
  await applyIndexSettings(client, uid, kind);
  await applyMatchIndexSettings(client, matchIndexUid(kind));
  settingsApplied.add(key);
}

/** Syncs one need into `needs` (public rules) and `needs_broker` (all but drafts). */
export async function syncNeed(db: Db, needId: string): Promise<SyncOutcome> {
  return syncRow<NeedRow>(
    () => db.need.findUnique({ where: { id: needId }, include: needInclude }) as Promise<NeedRow | null>,
    needId,
    [
      { kind: "needs", toDoc: needPublicDocument },
      { kind: "needs_broker", toDoc: needBrokerDocument },
    ],
  );
}

/** Syncs one research result into `results`. */
export async function syncResult(db: Db, resultId: string): Promise<SyncOutcome> {
  return syncRow<ResultRow>(
    () => db.result.findUnique({ where: { id: resultId }, include: resultInclude }) as Promise<ResultRow | null>,
    resultId,
    [{ kind: "results", toDoc: resultDocument }],
  );
}

/**
 * Brings many rows' documents in line with the database at once (the batched index job). Upserts
 * the current documents and deletes those of rows that are gone or hidden, in a few Meilisearch
 * tasks, all awaited and checked. Idempotent and safe against concurrent batches: after writing,
 * the rows' versions are read again and any row that changed meanwhile is synced again, so a batch
 * holding an older snapshot that wrote last is corrected before it completes.
 */
async function syncRows<R extends { id: string; version: number }>(
  ids: readonly string[],
  read: (ids: string[]) => Promise<R[]>,
  readVersions: (ids: string[]) => Promise<{ id: string; version: number }[]>,
  targets: { kind: IndexKind; toDoc: (row: R) => SearchDocument | null }[],
): Promise<{ upserted: number; deleted: number }> {
  const client = getMeili();
  let pending = [...new Set(ids.filter((id) => typeof id === "string" && id.length > 0))];
  const total = { upserted: 0, deleted: 0 };
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const rows = await read(pending);
    const snapshot = new Map(rows.map((r) => [r.id, r.version]));
    const tasks: EnqueuedTaskPromise[] = [];
    for (const { kind, toDoc } of targets) {
      const uid = indexUid(kind);
      const matchUid = matchIndexUid(kind);
      await ensureIndexWithSettings(client, kind);
      const docs: SearchDocument[] = [];
      const keep = new Set<string>();
      for (const row of rows) {
        const doc = toDoc(row);
        if (doc) {
          docs.push(doc);
          keep.add(row.id);
        }
      }
      const gone = pending.filter((id) => !keep.has(id));
      for (let i = 0; i < docs.length; i += BATCH) {
        const batch = docs.slice(i, i + BATCH);
        tasks.push(client.index(uid).addDocuments(batch, { primaryKey: "id" }));
        tasks.push(client.index(matchUid).addDocuments(batch.map(matchDocument), { primaryKey: "id" }));
      }
      if (gone.length) {
        tasks.push(client.index(uid).deleteDocuments(gone));
        tasks.push(client.index(matchUid).deleteDocuments(gone));
      }
      total.upserted += docs.length;
      total.deleted += gone.length;
    }
    for (const t of tasks) await awaitTask(t);
    const now = new Map((await readVersions(pending)).map((r) => [r.id, r.version]));
    pending = pending.filter((id) => now.get(id) !== snapshot.get(id));
  }
  if (pending.length > 0) throw new Error(`index sync did not settle for ${pending.length} records (they keep changing); the job will retry`);
  return total;
}

/** Syncs many needs (the batched "index-needs" job). */
export async function syncNeeds(db: Db, ids: readonly string[]) {
  return syncRows<NeedRow>(
    ids,
    (batch) => db.need.findMany({ where: { id: { in: batch } }, include: needInclude }) as Promise<NeedRow[]>,
    (batch) => db.need.findMany({ where: { id: { in: batch } }, select: { id: true, version: true } }),
    [
      { kind: "needs", toDoc: needPublicDocument },
      { kind: "needs_broker", toDoc: needBrokerDocument },
    ],
  );
}

/** Syncs many research results (the batched "index-results" job). */
export async function syncResults(db: Db, ids: readonly string[]) {
  return syncRows<ResultRow>(
    ids,
    (batch) => db.result.findMany({ where: { id: { in: batch } }, include: resultInclude }) as Promise<ResultRow[]>,
    (batch) => db.result.findMany({ where: { id: { in: batch } }, select: { id: true, version: true } }),
    [{ kind: "results", toDoc: resultDocument }],
  );
}

/** Adds documents to an index in awaited batches (the index is created and configured first). */
export async function addDocumentsAwaited(client: Meilisearch, uid: string, kind: IndexKind, docs: readonly SearchDocument[]) {
  await applyIndexSettings(client, uid, kind);
  for (let i = 0; i < docs.length; i += BATCH) {
    await awaitTask(client.index(uid).addDocuments(docs.slice(i, i + BATCH) as SearchDocument[], { primaryKey: "id" }), 600_000);
  }
}

/**
 * Bulk indexing through the production path (settings + awaited batches) into the index of
 * `kind` and its match companion under the current MEILI_INDEX_PREFIX. Used by the benchmark.
 */
export async function indexDocumentsBulk(kind: IndexKind, docs: readonly SearchDocument[]): Promise<void> {
  const client = getMeili();
  await addDocumentsAwaited(client, indexUid(kind), kind, docs);
  const matchUid = matchIndexUid(kind);
  await applyMatchIndexSettings(client, matchUid);
  for (let i = 0; i < docs.length; i += BATCH) {
    await awaitTask(client.index(matchUid).addDocuments(docs.slice(i, i + BATCH).map(matchDocument), { primaryKey: "id" }), 600_000);
  }
}

async function* pages<T extends { id: string }>(fetchPage: (cursor: string | undefined) => Promise<T[]>) {
  let cursor: string | undefined;
  while (true) {
    const rows = await fetchPage(cursor);
    if (rows.length === 0) return;
    yield rows;
    cursor = rows[rows.length - 1]!.id;
  }
}

function docsFor(kind: IndexKind, rows: { needs?: NeedRow[]; results?: ResultRow[] }): SearchDocument[] {
  const out: SearchDocument[] = [];
  if (kind === "results") for (const r of rows.results ?? []) { const d = resultDocument(r); if (d) out.push(d); }
  else for (const n of rows.needs ?? []) { const d = kind === "needs" ? needPublicDocument(n) : needBrokerDocument(n); if (d) out.push(d); }
  return out;
}

/**
 * Rebuilds every index from the database into a temporary index, then swaps it in atomically
 * (searches keep working on the old one until the swap) and deletes the old one. Rows written
 * while the rebuild ran are synced again after the swap, so no update is lost.
 */
export async function rebuildAllIndexes(db: Db): Promise<Record<IndexKind, number>> {
  const client = getMeili();
  const startedAt = new Date(Date.now() - 1000);
  const counts = { needs: 0, needs_broker: 0, results: 0 } as Record<IndexKind, number>;
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  for (const kind of INDEX_KINDS) {
    const live = indexUid(kind);
    const tmp = `${live}__rebuild_${stamp}`;
    const liveMatch = matchIndexUid(kind);
    const tmpMatch = `${liveMatch}__rebuild_${stamp}`;
    await applyIndexSettings(client, tmp, kind);
    await applyMatchIndexSettings(client, tmpMatch);
    const source =
      kind === "results"
        ? pages((cursor) =>
            db.result.findMany({
              take: REBUILD_PAGE,
              orderBy: { id: "asc" },
              ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
              include: resultInclude,
            }) as Promise<ResultRow[]>,
          )
        : pages((cursor) =>
            db.need.findMany({
              take: REBUILD_PAGE,
              orderBy: { id: "asc" },
              ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
              include: needInclude,
            }) as Promise<NeedRow[]>,
          );
    // Batches are enqueued back to back (Meilisearch merges consecutive additions into one
    // indexing run) and every task is awaited and checked before the swap.
    const pending: EnqueuedTaskPromise[] = [];
    for await (const rows of source) {
      const docs = kind === "results" ? docsFor(kind, { results: rows as ResultRow[] }) : docsFor(kind, { needs: rows as NeedRow[] });
      if (docs.length) {
        const enqueued = client.index(tmp).addDocuments(docs, { primaryKey: "id" });
        await enqueued; // the HTTP request itself (the task is awaited below)
        pending.push(enqueued);
        const enqueuedMatch = client.index(tmpMatch).addDocuments(docs.map(matchDocument), { primaryKey: "id" });
        await enqueuedMatch;
        pending.push(enqueuedMatch);
      }
      counts[kind] += docs.length;
    }
    for (const task of pending) await awaitTask(task, 600_000);
    await applyIndexSettings(client, live, kind); // the live indexes must exist to be swapped
    await applyMatchIndexSettings(client, liveMatch);
    // One swap task for both pairs: the index and its match companion change together.
    await awaitTask(
      client.swapIndexes([
        { indexes: [live, tmp], rename: false },
        { indexes: [liveMatch, tmpMatch], rename: false },
      ]),
    );
    await awaitTask(client.deleteIndex(tmp));
    await awaitTask(client.deleteIndex(tmpMatch));
    settingsApplied.add(`${client.config.host}|${live}`);
  }

  // Catch up with writes that happened during the rebuild.
  const changedNeeds = await db.need.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } });
  // Batched like the index jobs: right after a bulk load nearly every row counts as changed.
  if (changedNeeds.length) await syncNeeds(db, changedNeeds.map((r) => r.id));
  const changedResults = await db.result.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } });
  if (changedResults.length) await syncResults(db, changedResults.map((r) => r.id));
  return counts;
}
