import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainNodeLookup, type ChainNodeLookup } from "./chain-nodes";

/** Every chain node with its names and its chain's, for resolving what an import file says. */
export async function loadChainNodeLookup(db: PrismaClient): Promise<ChainNodeLookup> {
  const nodes = await db.chainNode.findMany({ select: { id: true, nameZh: true, nameEn: true, chain: { select: { nameZh: true, nameEn: true } } } });
  return chainNodeLookup(nodes.map((n) => ({ id: n.id, nameZh: n.nameZh, nameEn: n.nameEn, chainZh: n.chain.nameZh, chainEn: n.chain.nameEn })));
}
