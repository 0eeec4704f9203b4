import "server-only";
import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { authorize, type MaybeActor } from "@/lib/policy";
import type { SaveSearchInput } from "./schemas";

export type SavedSearchView = { id: string; name: string; q: string; type: "needs" | "results"; createdAt: string; lastCheckedAt: string };

const MAX_PER_USER = 50;

export async function saveSearch(actor: MaybeActor, input: SaveSearchInput): Promise<{ id: string }> {
  authorize(actor, "savedSearch.manage");
  const count = await prisma.savedSearch.count({ where: { userId: actor.id } });
  if (count >= MAX_PER_USER) throw conflict("savedSearchLimit", { max: MAX_PER_USER });
  return prisma.savedSearch.create({ data: { userId: actor.id, name: input.name, q: input.q, type: input.type }, select: { id: true } });
}

export async function listSavedSearches(actor: MaybeActor): Promise<SavedSearchView[]> {
  authorize(actor, "savedSearch.manage");
  const rows = await prisma.savedSearch.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    q: r.q,
    type: r.type === "needs" ? "needs" : "results",
    createdAt: r.createdAt.toISOString(),
    lastCheckedAt: r.lastCheckedAt.toISOString(),
  }));
}

export async function deleteSavedSearch(actor: MaybeActor, id: string): Promise<void> {
  authorize(actor, "savedSearch.manage");
  const { count } = await prisma.savedSearch.deleteMany({ where: { id, userId: actor.id } });
  if (count === 0) throw notFound();
}
