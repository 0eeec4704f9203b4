import "server-only";
import { prisma } from "@/lib/db";
import { needScopeFor, type MaybeActor } from "@/lib/policy";
import { needRowInclude, presentNeed, type NeedView } from "./present-need";

export async function listNeeds(
  actor: MaybeActor,
  opts: { page?: number; pageSize?: number; mine?: boolean } = {},
): Promise<{ items: NeedView[]; total: number }> {
  const pageSize = Math.min(opts.pageSize ?? 20, 100);
  const page = Math.max(opts.page ?? 1, 1);
  const where = {
    AND: [needScopeFor(actor), opts.mine && actor?.organisationId ? { organisationId: actor.organisationId } : {}],
  };
  const [rows, total] = await Promise.all([
    prisma.need.findMany({ where, include: needRowInclude(actor), orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.need.count({ where }),
  ]);
  return { items: rows.map((r) => presentNeed(actor, r)).filter((v): v is NeedView => v !== null), total };
}
