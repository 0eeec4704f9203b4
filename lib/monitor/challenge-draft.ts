import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createProgrammeDraft } from "@/lib/challenges/manage-challenge";
import { authorize, can, type Actor } from "@/lib/policy";
import { getChainMap } from "./get-monitor";
import { monitorFiltersSchema } from "./schemas";

// A key project list item turned into a challenge (揭榜挂帅) DRAFT for the analyst's government /
// park programme (lib/challenges `createProgrammeDraft`, rule "monitor.challengeDraft").
// The draft carries the node, a title and a problem statement built from the node's aggregate
// figures and the analyst's annotation: no need's title or text (they may be confidential, and a
// published challenge is public). The programme's staff complete and publish it; once only per item.

export type DraftWords = (
  node: { nameZh: string; nameEn: string },
  figures: { open: number; unmet: number; score: number },
) => {
  title: string;
  problem: string;
};

/** May this viewer turn items into drafts (the button)? Their own programme: a GOVERNMENT organisation. */
export async function canDraftChallenges(actor: Actor): Promise<boolean> {
  if (!actor.organisationId) return false;
  const org = await prisma.organisation.findUnique({ where: { id: actor.organisationId }, select: { kind: true } });
  return can(actor, "monitor.challengeDraft", { sponsorOrganisationId: actor.organisationId, sponsorKind: org?.kind ?? null });
}

export async function draftChallengeFromItem(actor: Actor, input: { itemId: string }, words: DraftWords): Promise<{ id: string }> {
  authorize(actor, "monitor.keyList");
  const item = await prisma.keyProjectItem.findFirst({
    where: { id: input.itemId, list: { ownerId: actor.id } },
    include: { chainNode: { select: { id: true, chainId: true, nameZh: true, nameEn: true } } },
  });
  if (!item) throw new AppError("NOT_FOUND", { key: "monitor.itemNotFound" });
  if (item.challengeDraftId) return { id: item.challengeDraftId };
  const map = await getChainMap(actor, monitorFiltersSchema.parse({ chain: item.chainNode.chainId }));
  const n = map.chains[0]?.nodes.find((x) => x.id === item.chainNodeId);
  const w = words(item.chainNode, { open: n?.openDemand ?? 0, unmet: n?.unmetDemand ?? 0, score: n?.score ?? 0 });
  const draft = await createProgrammeDraft(actor, {
    title: w.title,
    problem: [w.problem, item.annotation].filter(Boolean).join("\n\n"),
    chainNodeId: item.chainNodeId,
  });
  // Once only: a second click that raced this one keeps the first draft.
  const { count } = await prisma.keyProjectItem.updateMany({ where: { id: item.id, challengeDraftId: null }, data: { challengeDraftId: draft.id } });
  if (count === 0) {
    const first = await prisma.keyProjectItem.findUniqueOrThrow({ where: { id: item.id }, select: { challengeDraftId: true } });
    return { id: first.challengeDraftId ?? draft.id };
  }
  return { id: draft.id };
}
