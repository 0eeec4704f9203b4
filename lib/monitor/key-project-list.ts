import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { needRowInclude, presentNeed } from "@/lib/needs/present-need";
import { authorize, needScopeFor, type Actor } from "@/lib/policy";
import { nodeScoreNow } from "./get-monitor";

// 重点项目清单: an analyst's lists of bottleneck nodes and the needs behind them. Lists belong
// to their owner (ownerId in every `where`: another user's list is "not found"); the needs of an
// item are kept only if the owner may see them (needScopeFor) and are shown through presentNeed
// at every read, so a need that became invisible drops out of the list and its export.

const notFoundList = () => new AppError("NOT_FOUND", { key: "monitor.listNotFound" });

export async function createKeyList(actor: Actor, input: { title: string; note?: string }): Promise<{ id: string }> {
  authorize(actor, "monitor.keyList");
  return prisma.keyProjectList.create({ data: { ownerId: actor.id, title: input.title, note: input.note ?? null }, select: { id: true } });
}

export async function listKeyLists(actor: Actor) {
  authorize(actor, "monitor.keyList");
  return prisma.keyProjectList.findMany({
    where: { ownerId: actor.id },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, updatedAt: true, _count: { select: { items: true } } },
  });
}

export type KeyListView = {
  id: string;
  title: string;
  note: string | null;
  updatedAt: Date;
  items: {
    id: string;
    node: { id: string; nameZh: string; nameEn: string; chainNameZh: string; chainNameEn: string };
    annotation: string | null;
    scoreAtAdd: number;
    scoreNow: number;
    challengeDraftId: string | null;
    needs: { id: string; title: string; visibility: string }[];
  }[];
};

export async function getKeyList(actor: Actor, listId: string): Promise<KeyListView> {
  authorize(actor, "monitor.keyList");
  const list = await prisma.keyProjectList.findFirst({
    where: { id: listId, ownerId: actor.id },
    include: {
      items: {
        orderBy: { createdAt: "asc" },
        include: { chainNode: { select: { id: true, nameZh: true, nameEn: true, chain: { select: { nameZh: true, nameEn: true } } } } },
      },
    },
  });
  if (!list) throw notFoundList();
  const needIds = [...new Set(list.items.flatMap((i) => i.needIds))];
  const rows = needIds.length
    ? await prisma.need.findMany({ where: { AND: [needScopeFor(actor), { id: { in: needIds } }] }, include: needRowInclude(actor) })
    : [];
  const views = new Map(rows.map((r) => [r.id, presentNeed(actor, r)]));
  const scores = new Map(await Promise.all(list.items.map(async (i) => [i.chainNodeId, await nodeScoreNow(i.chainNodeId)] as const)));
  return {
    id: list.id,
    title: list.title,
    note: list.note,
    updatedAt: list.updatedAt,
    items: list.items.map((i) => ({
      id: i.id,
      node: {
        id: i.chainNode.id,
        nameZh: i.chainNode.nameZh,
        nameEn: i.chainNode.nameEn,
        chainNameZh: i.chainNode.chain.nameZh,
        chainNameEn: i.chainNode.chain.nameEn,
      },
      annotation: i.annotation,
      scoreAtAdd: i.scoreAtAdd,
      scoreNow: scores.get(i.chainNodeId) ?? 0,
      challengeDraftId: i.challengeDraftId,
      needs: i.needIds.flatMap((id) => {
        const v = views.get(id);
        return v ? [{ id: v.id, title: v.title, visibility: v.visibility }] : [];
      }),
    })),
  };
}

async function ownedList(actor: Actor, listId: string) {
  const list = await prisma.keyProjectList.findFirst({ where: { id: listId, ownerId: actor.id }, select: { id: true } });
  if (!list) throw notFoundList();
  return list;
}

async function ownedItem(actor: Actor, itemId: string) {
  const item = await prisma.keyProjectItem.findFirst({
    where: { id: itemId, list: { ownerId: actor.id } },
    include: { chainNode: { select: { nameZh: true, nameEn: true } } },
  });
  if (!item) throw new AppError("NOT_FOUND", { key: "monitor.itemNotFound" });
  return item;
}

export async function addKeyItem(
  actor: Actor,
  input: { listId: string; chainNodeId: string; needIds: string[]; annotation?: string },
): Promise<{ id: string }> {
  authorize(actor, "monitor.keyList");
  await ownedList(actor, input.listId);
  const node = await prisma.chainNode.findUnique({ where: { id: input.chainNodeId }, select: { id: true } });
  if (!node) throw new AppError("NOT_FOUND", { key: "monitor.nodeNotFound" });
  // Only needs on this node that the analyst may see; anything else is refused, not silently kept.
  const visible = input.needIds.length
    ? await prisma.need.findMany({ where: { AND: [needScopeFor(actor), { id: { in: input.needIds }, chainNodeId: input.chainNodeId }] }, select: { id: true } })
    : [];
  if (visible.length !== new Set(input.needIds).size) throw new AppError("NOT_FOUND", { key: "monitor.needNotVisible" });
  const scoreAtAdd = await nodeScoreNow(input.chainNodeId);
  const existing = await prisma.keyProjectItem.findUnique({ where: { listId_chainNodeId: { listId: input.listId, chainNodeId: input.chainNodeId } } });
  const item = existing
    ? await prisma.keyProjectItem.update({
        where: { id: existing.id },
        data: { needIds: [...new Set([...existing.needIds, ...input.needIds])], annotation: input.annotation ?? existing.annotation },
        select: { id: true },
      })
    : await prisma.keyProjectItem.create({
        data: { listId: input.listId, chainNodeId: input.chainNodeId, needIds: [...new Set(input.needIds)], annotation: input.annotation ?? null, scoreAtAdd },
        select: { id: true },
      });
  await prisma.keyProjectList.update({ where: { id: input.listId }, data: { updatedAt: new Date() } });
  return item;
}

export async function annotateKeyItem(actor: Actor, input: { itemId: string; annotation?: string }): Promise<void> {
  authorize(actor, "monitor.keyList");
  const item = await ownedItem(actor, input.itemId);
  await prisma.keyProjectItem.update({ where: { id: item.id }, data: { annotation: input.annotation ?? null } });
}

export async function removeKeyItem(actor: Actor, input: { itemId: string }): Promise<void> {
  authorize(actor, "monitor.keyList");
  const item = await ownedItem(actor, input.itemId);
  await prisma.keyProjectItem.delete({ where: { id: item.id } });
}
