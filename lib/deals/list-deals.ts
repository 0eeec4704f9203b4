import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/policy";
import { dealInclude } from "./load-deal";
import { presentDeal, type DealView } from "./present-deal";

// Deals the viewer takes part in: a broker's own deals (the kanban board), a company's deals
// on its needs, a researcher's introductions. Each row is presented for the viewer.
export async function listMyDeals(actor: Actor, now = new Date()): Promise<DealView[]> {
  authorize(actor, "deal.list");
  const where: Prisma.IntroductionWhereInput =
    actor.role === "BROKER" || actor.role === "ADMIN"
      ? { brokerId: actor.id }
      : actor.role === "COMPANY" && actor.organisationId
        ? { need: { organisationId: actor.organisationId } }
        : { researcherId: actor.id };
  const rows = await prisma.introduction.findMany({ where, include: dealInclude, orderBy: { updatedAt: "desc" }, take: 500 });
  // A list never carries a need's full text (the deal page shows it, audited).
  return rows.map((r) => presentDeal(actor, r, now)).map((d) => ({ ...d, need: { ...d.need, description: null } }));
}
