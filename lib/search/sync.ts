import "server-only";
import type { EnqueuedTaskPromise, Meilisearch, Task } from "meilisearch";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { awaitTask, getMeili, indexUid, matchIndexUid } from "./client";
import type { IndexKind } from "./config";
import { needBrokerDocument, needPublicDocument, matchDocument, resultDocument, type NeedRow, type ResultRow, type SearchDocument } from "./documents";
import { applyIndexSettings, applyMatchIndexSettings } from "./settings";
import { announceIndexChanged } from "./index-changes";

type Db = Pick<PrismaClient, "need" | "result">;

const needInclude = {
  organisation: { select: { name: true, region: true, verifiedAt: true } },
  chainNode: { select: { id: true, chainId: true } },
} as const;
const resultInclude = needInclude;

const BATCH = 1000;
const MAX_ROUNDS = 5;

export type SyncOutcome = { id: string; version: number | null; actions: Partial<Record<IndexKind, "upserted" | "deleted" | "kept-newer">> };

type SentTask = { wait: (timeoutMs?: number) => Promise<Task> };

/**
 * Sends one task request and waits for Meilisearch to accept it (a refused or failed request
 * throws right here, where it is awaited); the task itself is awaited later through `wait()`.
 * Why: starting several requests and awaiting them one by one leaves the later ones without a
 * handler when an earlier one throws: with Meilisearch gone they reject unhandled, which ends
 * the whole worker process and leaves its jobs locked. Every request is awaited as it is made.
 */
async function send(enqueued: EnqueuedTaskPromise): Promise<SentTask> {
  await enqueued;
  return { wait: (timeoutMs) => awaitTask(enqueued, timeoutMs) };
}

/**
 * Upserts `doc` into the index of `kind` and its match companion (or deletes `id` from both when
 * doc is null), never replacing a newer version.
 */
async function putOrDelete(client: Meilisearch, kind: IndexKind, id: string, doc: SearchDocument | null) {
  const index = client.index(indexUid(kind));
  const match = client.index(matchIndexUid(kind));
  if (!doc) {
    const tasks = [await send(index.deleteDocument(id)), await send(match.deleteDocument(id))];
    for (const t of tasks) await t.wait();
    return "deleted" as const;
  }
  const current = await index.getDocument<{ version?: number }>(id, { fields: ["version"] }).catch(() => null);
  if (current && typeof current.version === "number" && current.version > doc.version) return "kept-newer" as const;
  const tasks = [await send(index.addDocuments([doc], { primaryKey: "id" })), await send(match.addDocuments([matchDocument(doc)], { primaryKey: "id" }))];
  for (const t of tasks) await t.wait();
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
    if (Object.values(outcome.actions).some((a) => a !== "kept-newer")) await announceIndexChanged();
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
  return syncRow<NeedRow>(() => db.need.findUnique({ where: { id: needId }, include: needInclude }) as Promise<NeedRow | null>, needId, [
    { kind: "needs", toDoc: needPublicDocument },
    { kind: "needs_broker", toDoc: needBrokerDocument },
  ]);
}

/** Syncs one research result into `results`. */
export async function syncResult(db: Db, resultId: string): Promise<SyncOutcome> {
  return syncRow<ResultRow>(() => db.result.findUnique({ where: { id: resultId }, include: resultInclude }) as Promise<ResultRow | null>, resultId, [
    { kind: "results", toDoc: resultDocument },
  ]);
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
    const tasks: SentTask[] = [];
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
        tasks.push(await send(client.index(uid).addDocuments(batch, { primaryKey: "id" })));
        tasks.push(await send(client.index(matchUid).addDocuments(batch.map(matchDocument), { primaryKey: "id" })));
      }
      if (gone.length) {
        tasks.push(await send(client.index(uid).deleteDocuments(gone)));
        tasks.push(await send(client.index(matchUid).deleteDocuments(gone)));
      }
      total.upserted += docs.length;
      total.deleted += gone.length;
    }
    for (const t of tasks) await t.wait();
    if (tasks.length) await announceIndexChanged();
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
