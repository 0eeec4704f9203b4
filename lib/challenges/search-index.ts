import "server-only";
import { prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { awaitTask, getMeili, meiliConfig } from "@/lib/search/client";
import { ensureIndex } from "@/lib/search/settings";
import { PUBLIC_CHALLENGE_STATES } from "./transitions";

// Challenges in Meilisearch (index <prefix>challenges), following lib/search's pattern: the
// writer enqueues "index-challenge" in its own transaction, the worker syncs the row as it is
// NOW (never an older version over a newer one), and the database decides what is shown (the
// index only finds ids). Only public text goes in: a CONFIDENTIAL challenge's problem never does.

export const challengeIndexUid = () => `${meiliConfig().prefix}challenges`;

type Row = {
  id: string;
  version: number;
  title: string;
  teaser: string;
  problem: string;
  field: string;
  keywords: string[];
  region: string | null;
  status: string;
  visibility: string;
  bountyTotalCny: number;
  applicationDeadline: Date;
  chainNode: { chainId: string } | null;
};

export function challengeDocument(row: Row) {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    teaser: row.teaser,
    // The problem statement is searchable only when it is public.
    problem: row.visibility === "PUBLIC" ? row.problem : "",
    field: row.field,
    keywords: row.keywords,
    region: row.region,
    chainId: row.chainNode?.chainId ?? null,
    status: row.status,
    bountyTotalCny: row.bountyTotalCny,
    deadline: row.applicationDeadline.getTime(),
  };
}

let settingsApplied = "";
async function ensureChallengeIndex(): Promise<void> {
  const client = getMeili();
  const uid = challengeIndexUid();
  if (settingsApplied === uid) return;
  await ensureIndex(client, uid);
  await awaitTask(
    client.index(uid).updateSettings({
      searchableAttributes: ["title", "keywords", "teaser", "field", "problem"],
      filterableAttributes: ["status", "chainId", "region", "field", "bountyTotalCny", "deadline"],
    }),
    120_000,
  );
  settingsApplied = uid;
}

export async function syncChallenge(db: Pick<PrismaClient, "challenge">, challengeId: string): Promise<"upserted" | "deleted" | "kept-newer"> {
  await ensureChallengeIndex();
  const index = getMeili().index(challengeIndexUid());
  const row = await db.challenge.findUnique({ where: { id: challengeId }, include: { chainNode: { select: { chainId: true } } } });
  if (!row || !PUBLIC_CHALLENGE_STATES.includes(row.status)) {
    await awaitTask(index.deleteDocument(challengeId));
    return "deleted";
  }
  const current = await index.getDocument<{ version?: number }>(challengeId, { fields: ["version"] }).catch(() => null);
  if (current && typeof current.version === "number" && current.version > row.version) return "kept-newer";
  await awaitTask(index.addDocuments([challengeDocument(row)], { primaryKey: "id" }));
  return "upserted";
}

/** Rebuilds the challenge index from the database (npm run reindex calls it). */
export async function reindexChallenges(db: Pick<PrismaClient, "challenge"> = prisma): Promise<number> {
  await ensureChallengeIndex();
  const rows = await db.challenge.findMany({ where: { status: { in: [...PUBLIC_CHALLENGE_STATES] } }, include: { chainNode: { select: { chainId: true } } } });
  const index = getMeili().index(challengeIndexUid());
  await awaitTask(index.deleteAllDocuments());
  if (rows.length) await awaitTask(index.addDocuments(rows.map(challengeDocument), { primaryKey: "id" }));
  return rows.length;
}

/** Ids of published challenges matching a text query (the database applies every other filter). */
export async function searchChallengeIds(q: string): Promise<string[]> {
  await ensureChallengeIndex();
  const res = await getMeili()
    .index(challengeIndexUid())
    .search(q, { limit: 200, attributesToRetrieve: ["id"], filter: `status IN [${PUBLIC_CHALLENGE_STATES.join(", ")}]` });
  return res.hits.map((h) => String(h.id));
}
