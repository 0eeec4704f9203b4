import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { translateValidationKey } from "@/lib/validation/messages";
import type { UiLocale } from "@/lib/validation/parse-input";

export async function assertChainNodeExists(
  db: Pick<Prisma.TransactionClient, "chainNode">,
  chainNodeId: string | undefined | null,
  locale: UiLocale,
): Promise<void> {
  if (!chainNodeId) return;
  const node = await db.chainNode.findUnique({ where: { id: chainNodeId }, select: { id: true } });
  if (!node) {
    throw new AppError("VALIDATION", translateValidationKey("v.chainNode", locale), {
      fields: { chainNodeId: [translateValidationKey("v.chainNode", locale)] },
    });
  }
}
