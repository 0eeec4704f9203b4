import "server-only";
import { Meilisearch, MeilisearchApiError, MeilisearchError, type EnqueuedTaskPromise, type Task } from "meilisearch";
import { meiliConfig, indexUid, type IndexKind } from "./config";
import { nodeHttpClient } from "./http";

export { indexUid, matchIndexUid, meiliConfig, INDEX_KINDS, type IndexKind } from "./config";

let cached: { key: string; client: Meilisearch } | undefined;

/** The Meilisearch client for the current env (MEILI_URL, MEILI_MASTER_KEY); re-created if env changes. */
export function getMeili(): Meilisearch {
  const { url, apiKey } = meiliConfig();
  const key = `${url}\n${apiKey ?? ""}`;
  if (cached?.key !== key) {
    cached = {
      key,
      // No `timeout` option: meilisearch-js then chains abort listeners onto waitTask's signal
      // (MaxListenersExceededWarning); nodeHttpClient applies its own per-request timeout.
      client: new Meilisearch({ host: url, apiKey, httpClient: nodeHttpClient }),
    };
  }
  return cached.client;
}

export const indexFor = (kind: IndexKind) => getMeili().index(indexUid(kind));

/** Thrown when a Meilisearch task ends in any state but "succeeded". */
export class IndexTaskError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? "-"}) ${task.status}: ${task.error?.message ?? "no error message"}`);
    this.name = "IndexTaskError";
  }
}

/**
 * Waits for an enqueued task and throws unless it succeeded: an enqueued task is not an indexed
 * document. Large bulk loads pass a longer timeout.
 */
export async function awaitTask(enqueued: EnqueuedTaskPromise, timeoutMs = 60_000): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs, interval: 25 });
  if (task.status !== "succeeded") throw new IndexTaskError(task);
  return task;
}

/** Thrown by jobs whose search came back "unavailable": Meilisearch is down, retry later. */
export class SearchUnavailableError extends Error {
  constructor() {
    super("search unavailable (Meilisearch cannot be reached)");
    this.name = "SearchUnavailableError";
  }
}

/** The API error code of a Meilisearch error, looking through meilisearch-js's wrapping. */
export function meiliErrorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    if (cur instanceof MeilisearchApiError) return (cur.cause as { code?: string } | undefined)?.code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * True when an error means "search is not available": Meilisearch cannot be reached or gave no
 * usable answer (connection refused, timeout, 5xx), or the index does not exist yet (never
 * built: `npm run reindex`). Other 4xx (a request Meilisearch rejected) are bugs: not this.
 */
export function isUnavailableError(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    if (cur instanceof MeilisearchApiError) {
      const code = (cur.cause as { code?: string } | undefined)?.code;
      return cur.response.status >= 500 || code === "index_not_found";
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return e instanceof MeilisearchError || e instanceof SearchUnavailableError || (e as { code?: string })?.code === "ECONNREFUSED";
}
