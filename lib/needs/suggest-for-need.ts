import "server-only";
import { logger } from "@/lib/logger";
import { authorize, type Actor } from "@/lib/policy";
import { searchCatalog } from "@/lib/search/search";
import { suggestChainNodes, type ChainNodeSuggestion } from "@/lib/suggest/chain-nodes";
import { suggestKeywords } from "@/lib/suggest/keywords";

export type SimilarItem = { id: string; title: string; org: string | null; trl: number | null };
export type NeedSuggestions = {
  keywords: string[];
  chainNodes: ChainNodeSuggestion[];
  similarResults: SimilarItem[];
  similarNeeds: SimilarItem[];
};

// What the wizard shows while the user types: keyword and chain-node suggestions from the text,
// and similar published results and needs from the search index the user may search.
export async function suggestForNeed(actor: Actor, input: { title: string; text: string; keywords: string[]; excludeId?: string }): Promise<NeedSuggestions> {
  authorize(actor, "catalog.search");
  const text = `${input.title}\n${input.text}`.slice(0, 20_000);
  const keywords = suggestKeywords(text, input.keywords);
  const chainNodes = suggestChainNodes(text);
  // The title and the strongest terms make the query (Meilisearch drops trailing words first).
  const q = [input.title, ...input.keywords, ...keywords.slice(0, 3)].join(" ").trim().slice(0, 300);
  if (!q) return { keywords, chainNodes, similarResults: [], similarNeeds: [] };
  const viewer = { role: actor.role, organisationId: actor.organisationId };
  // Similar items are a help, not a requirement: a search failure leaves the suggestions working.
  const search = (type: "results" | "needs", limit: number) =>
    searchCatalog({ q, type, viewer, limit }).catch((err: unknown) => {
      logger.warn({ err }, "wizard: similar-items search failed");
      return { ok: false as const, reason: "unavailable" as const };
    });
  const [results, needs] = await Promise.all([search("results", 5), search("needs", 6)]);
  const toItems = (r: Awaited<ReturnType<typeof searchCatalog>>) =>
    r.ok ? r.hits.filter((h) => h.id !== input.excludeId).slice(0, 5).map((h) => ({ id: h.id, title: h.title, org: h.organisationName, trl: h.trl })) : [];
  return { keywords, chainNodes, similarResults: toItems(results), similarNeeds: toItems(needs) };
}
