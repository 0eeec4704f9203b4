// Industry-chain tag suggestions: which taxonomy nodes a text is about. The vocabulary is data
// (prisma/data/taxonomy-terms.json next to taxonomy.json), not code. Pure: used by tests too.
import terms from "@/prisma/data/taxonomy-terms.json" with { type: "json" };
import { taxonomy } from "@/prisma/data/taxonomy";

export type ChainNodeSuggestion = { id: string; chainId: string; nameZh: string; nameEn: string; matched: string[] };

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const vocabulary = taxonomy.chains.flatMap((chain) =>
  chain.nodes.map((node) => {
    const words = [node.nameZh, ...((terms.terms as Record<string, string[]>)[node.id] ?? [])];
    return {
      node: { id: node.id, chainId: chain.id, nameZh: node.nameZh, nameEn: node.nameEn },
      matchers: words.map((w) => ({
        word: w,
        // Chinese terms match as substrings; Latin terms as whole words, case-insensitively.
        test: CJK.test(w)
          ? (t: string) => t.includes(w)
          : (
              (re) => (t: string) =>
                re.test(t)
            )(new RegExp(`(^|[^a-z0-9])${escape(w.toLowerCase())}($|[^a-z0-9])`)),
        weight: CJK.test(w) ? Math.min(w.length, 6) : Math.min(w.length / 2, 6),
      })),
    };
  }),
);

/** The best `limit` chain nodes for a text, with the words that matched (for the "why"). */
export function suggestChainNodes(text: string, limit = 3): ChainNodeSuggestion[] {
  const t = text.normalize("NFKC").toLowerCase();
  const zh = text.normalize("NFKC");
  const scored = vocabulary
    .map(({ node, matchers }) => {
      const matched = matchers.filter((m) => (CJK.test(m.word) ? m.test(zh) : m.test(t)));
      return { node, matched: [...new Map(matched.map((m) => [m.word.toLowerCase(), m.word])).values()], score: matched.reduce((s, m) => s + m.weight, 0) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => ({ ...s.node, matched: s.matched }));
}
