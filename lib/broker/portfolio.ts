import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/access/record-audit";

export type PortfolioInput = { email: string; regions: string[]; chainIds: string[] };

/**
 * Sets a broker's portfolio (regions, industry chains): the BROKER_ONLY needs it opens to them.
 * Operator-only: called by `npm run admin -- set-portfolio` (shell access to the platform), never
 * from a page or an API body. `setById` is the operator's account when given. Audited.
 */
export async function setBrokerPortfolio(input: PortfolioInput, setById: string | null = null) {
  const user = await prisma.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true, role: true } });
  if (!user || user.role !== "BROKER") throw new AppError("VALIDATION", { key: "broker.noBroker", params: { email: input.email } });
  const chains = await prisma.industryChain.findMany({ where: { id: { in: input.chainIds } }, select: { id: true } });
  const unknown = input.chainIds.filter((c) => !chains.some((k) => k.id === c));
  if (unknown.length) throw new AppError("VALIDATION", { key: "broker.unknownChains", params: { ids: unknown.join(", ") } });
  const data = { regions: [...new Set(input.regions.map((r) => r.trim()).filter(Boolean))], chainIds: [...new Set(input.chainIds)], setById };
  return prisma.$transaction(async (tx) => {
    const saved = await tx.brokerPortfolio.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
    await recordAudit(tx, {
      actorId: setById,
      action: "broker.portfolio",
      subject: `user:${user.id}`,
      detail: { regions: saved.regions.join("|"), chainIds: saved.chainIds.join("|") },
    });
    return saved;
  });
}
