// Meilisearch connection settings and index names, read from process.env on every call so that
// scripts, benches and tests can set them before use (the app validates env in lib/env.ts).
// Pure: no server-only, benches and tests import it.

export type IndexKind = "needs" | "needs_broker" | "results";
export const INDEX_KINDS: readonly IndexKind[] = ["needs", "needs_broker", "results"];

export type MeiliConfig = { url: string; apiKey: string | undefined; prefix: string };

export function meiliConfig(): MeiliConfig {
  const prefix = process.env.MEILI_INDEX_PREFIX ?? "tb_";
  if (!/^[a-z0-9_]*$/.test(prefix)) throw new Error("MEILI_INDEX_PREFIX may hold only a-z, 0-9 and _");
  return {
    url: process.env.MEILI_URL || "http://127.0.0.1:7700",
    apiKey: process.env.MEILI_MASTER_KEY || undefined,
    prefix,
  };
}

/** The uid of an index: MEILI_INDEX_PREFIX + kind (e.g. tb_needs). */
export function indexUid(kind: IndexKind, prefix = meiliConfig().prefix): string {
  return `${prefix}${kind}`;
}

/**
 * The uid of the matcher's companion index of `kind` (e.g. tb_results_match): the same documents
 * reduced to the analysed words and the structured fields. The matcher's many one-word searches
 * cost about half as much there as on the full index, whose word postings also hold every word
 * of the raw text (measured: Meilisearch CPU per matched need 25.5 -> 16.5 ms).
 */
export function matchIndexUid(kind: IndexKind, prefix = meiliConfig().prefix): string {
  return `${prefix}${kind}_match`;
}
