import type { Prisma } from "@/lib/generated/prisma/client";
import type { MaybeActor } from "./actor";

// Query scopes: the same rules as rules.ts ("need.discover", "result.read"), written as
// `where` clauses so that rows a user may not see are never loaded at all.
export function needScopeFor(actor: MaybeActor): Prisma.NeedWhereInput {
  if (!actor) return { id: { in: [] } };
  if (actor.role === "BROKER" || actor.role === "ADMIN") return {};
  const live: Prisma.NeedWhereInput = {
    status: { in: ["PUBLISHED", "IN_PROGRESS", "SOLVED"] },
    visibility: { not: "BROKER_ONLY" },
  };
  return actor.organisationId ? { OR: [{ organisationId: actor.organisationId }, live] } : live;
}

export function resultScopeFor(actor: MaybeActor): Prisma.ResultWhereInput {
  if (!actor) return { id: { in: [] } };
  if (actor.role === "BROKER" || actor.role === "ADMIN") return {};
  const live: Prisma.ResultWhereInput = { status: "PUBLISHED" };
  return actor.organisationId ? { OR: [{ organisationId: actor.organisationId }, live] } : live;
}
