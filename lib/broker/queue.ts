import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NeedStatus, TriageStatus, Visibility } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/policy";
import type { QueueFilter } from "./schemas";

const DAY = 86_400_000;
/** A live need without movement for this long is stale. */
export const STALE_AFTER_DAYS = 30;
const OPEN_DEAL_STATES = ["SUGGESTED", "INTRODUCED", "NDA_SIGNED", "NEGOTIATING", "CONTRACT_SIGNED", "IN_DELIVERY"] as const;

export type QueueItem = {
  id: string;
  title: string;
  organisation: string;
  visibility: Visibility;
  status: NeedStatus;
  triageStatus: TriageStatus;
  chain: { id: string; nameZh: string; nameEn: string } | null;
  region: string | null;
  ageDays: number;
  broker: { id: string; name: string } | null;
  openDeals: number;
};

// The broker's queue: new needs still to triage, and stale ones (live, untouched for a month,
// with no deal in progress). Filters: industry chain, region and age in days.
export function queueWhere(filter: QueueFilter, actor: Actor, now: Date): Prisma.NeedWhereInput {
  const and: Prisma.NeedWhereInput[] = [{ status: { in: ["SUBMITTED", "PUBLISHED", "IN_PROGRESS"] } }];
  if (filter.view === "new") and.push({ triageStatus: { not: "READY" } });
  if (filter.view === "stale") {
    and.push({ status: { in: ["PUBLISHED", "IN_PROGRESS"] }, updatedAt: { lt: new Date(now.getTime() - STALE_AFTER_DAYS * DAY) } });
    and.push({ introductions: { none: { state: { in: [...OPEN_DEAL_STATES] } } } });
  }
  if (filter.view === "mine") and.push({ brokerId: actor.id });
  if (filter.chain) and.push({ chainNode: { chainId: filter.chain } });
  if (filter.region) and.push({ region: { contains: filter.region, mode: "insensitive" } });
  if (filter.minAgeDays !== undefined) and.push({ createdAt: { lte: new Date(now.getTime() - filter.minAgeDays * DAY) } });
  if (filter.maxAgeDays !== undefined) and.push({ createdAt: { gte: new Date(now.getTime() - filter.maxAgeDays * DAY) } });
  return { AND: and };
}

export async function listBrokerQueue(actor: Actor, filter: QueueFilter, now = new Date()): Promise<QueueItem[]> {
  authorize(actor, "broker.workbench");
  const rows = await prisma.need.findMany({
    where: queueWhere(filter, actor, now),
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true, title: true, visibility: true, status: true, triageStatus: true, region: true, createdAt: true,
      organisation: { select: { name: true } },
      chainNode: { select: { chain: { select: { id: true, nameZh: true, nameEn: true } } } },
      broker: { select: { id: true, name: true, email: true } },
      _count: { select: { introductions: { where: { state: { in: [...OPEN_DEAL_STATES] } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    organisation: r.organisation.name,
    visibility: r.visibility,
    status: r.status,
    triageStatus: r.triageStatus,
    chain: r.chainNode?.chain ?? null,
    region: r.region,
    ageDays: Math.max(0, Math.floor((now.getTime() - r.createdAt.getTime()) / DAY)),
    broker: r.broker ? { id: r.broker.id, name: r.broker.name ?? r.broker.email } : null,
    openDeals: r._count.introductions,
  }));
}

export async function listChains() {
  return prisma.industryChain.findMany({ orderBy: { sort: "asc" }, select: { id: true, nameZh: true, nameEn: true } });
}
