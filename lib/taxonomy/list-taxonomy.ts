import "server-only";
import { prisma } from "@/lib/db";

export type TaxonomyChainView = { id: string; nameZh: string; nameEn: string; nodes: { id: string; stage: string; nameZh: string; nameEn: string }[] };

// The industry-chain taxonomy as stored (seeded from prisma/data/taxonomy.json), for pickers and facets.
export async function listTaxonomy(): Promise<TaxonomyChainView[]> {
  return prisma.industryChain.findMany({
    orderBy: { sort: "asc" },
    select: { id: true, nameZh: true, nameEn: true, nodes: { orderBy: { sort: "asc" }, select: { id: true, stage: true, nameZh: true, nameEn: true } } },
  });
}

/** The chain-node choices of a picker, "chain · node" in the page's language. */
export async function chainNodeOptions(locale: string): Promise<{ id: string; label: string }[]> {
  const en = locale === "en";
  return (await listTaxonomy()).flatMap((c) => c.nodes.map((n) => ({ id: n.id, label: `${en ? c.nameEn : c.nameZh} · ${en ? n.nameEn : n.nameZh}` })));
}
