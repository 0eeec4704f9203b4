import "server-only";
import type { Meilisearch, Settings } from "meilisearch";
import { thesaurusSynonyms } from "@/lib/matching/thesaurus";
import { awaitTask } from "./client";
import type { IndexKind } from "./config";
import { indexSettings, matchIndexSettings } from "./settings-data";

export { indexSettings, matchIndexSettings, CATALOG_SEARCH_ATTRIBUTES, MATCH_ATTRIBUTES } from "./settings-data";

/**
 * Creates the index if needed and applies its settings; idempotent (Meilisearch skips a settings
 * update that changes nothing) and every task is awaited (a failed task throws).
 */
export async function applyIndexSettings(client: Meilisearch, uid: string, kind: IndexKind): Promise<void> {
  await ensureIndex(client, uid);
  const settings: Settings = { ...indexSettings(kind), synonyms: thesaurusSynonyms() };
  await awaitTask(client.index(uid).updateSettings(settings), 120_000);
}

/** The same for a matcher companion index (no synonyms: the matcher translates itself). */
export async function applyMatchIndexSettings(client: Meilisearch, uid: string): Promise<void> {
  await ensureIndex(client, uid);
  await awaitTask(client.index(uid).updateSettings(matchIndexSettings()), 120_000);
}

export async function ensureIndex(client: Meilisearch, uid: string): Promise<void> {
  try {
    await client.getIndex(uid);
  } catch {
    try {
      await awaitTask(client.createIndex(uid, { primaryKey: "id" }));
    } catch (e) {
      // Created concurrently by another worker: fine.
      await client.getIndex(uid).catch(() => {
        throw e;
      });
    }
  }
}
