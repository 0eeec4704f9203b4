import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export async function assertChainNodeExists(db: Pick<Prisma.TransactionClient, "chainNode">, chainNodeId: string | undefined | null): Promise<void> {
  if (!chainNodeId) return;
  const node = await db.chainNode.findUnique({ where: { id: chainNodeId }, select: { id: true } });
  if (!node) {
    throw new AppError("VALIDATION", { key: "unknownChainNode", fields: { chainNodeId: ["v.chainNode"] } });
  }
}
