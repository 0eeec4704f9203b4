import "server-only";
import { logger } from "@/lib/logger";
import { authorize, type Actor } from "@/lib/policy";
import { isGoodMatch } from "@/lib/matching/calibrate";
import { matchSubject } from "@/lib/matching/matcher";
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
// and similar published results and needs the user may see - found by the matcher, with its
// evidence rules and its "good match" threshold (no panel of unrelated items for a vague text).
export async function suggestForNeed(actor: Actor, input: { title: string; text: string; keywords: string[]; excludeId?: string }): Promise<NeedSuggestions> {
  authorize(actor, "catalog.search");
  const text = `${input.title}\n${input.text}`.slice(0, 20_000);
  const keywords = suggestKeywords(text, input.keywords);
  const chainNodes = suggestChainNodes(text);
  if (!`${input.title}${input.text}`.trim()) return { keywords, chainNodes, similarResults: [], similarNeeds: [] };
  const viewer = { role: actor.role, organisationId: actor.organisationId };
  const subject = { text: { title: input.title, body: input.text.slice(0, 20_000), keywords: input.keywords } };
  // Similar items are a help, not a requirement: a failure leaves the suggestions working.
  const similar = async (target: "results" | "needs") => {
    const r = await matchSubject(subject, target, { viewer, limit: 6 }).catch((err: unknown) => {
      logger.warn({ err }, "wizard: similar-items matching failed");
      return { ok: false as const, reason: "unavailable" as const };
    });
    return r.ok
      ? r.matches
          .filter((m) => m.id !== input.excludeId && isGoodMatch(m.score))
          .slice(0, 5)
          .map((m) => ({ id: m.id, title: m.title, org: m.organisationName, trl: m.trl }))
      : [];
  };
  const [similarResults, similarNeeds] = await Promise.all([similar("results"), similar("needs")]);
  return { keywords, chainNodes, similarResults, similarNeeds };
}
