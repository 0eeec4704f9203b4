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
