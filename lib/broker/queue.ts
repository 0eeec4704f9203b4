import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NeedStatus, TriageStatus, Visibility } from "@/lib/generated/prisma/enums";
import { authorize, can, needFactsFrom, needFactsSelect, needScopeFor, teaserFieldScopeFor, type Actor } from "@/lib/policy";
import type { QueueFilter } from "./schemas";

const DAY = 86_400_000;
/** A live need without movement for this long is stale. */
export const STALE_AFTER_DAYS = 30;
const OPEN_DEAL_STATES = ["SUGGESTED", "INTRODUCED", "NDA_SIGNED", "NEGOTIATING", "CONTRACT_SIGNED", "IN_DELIVERY"] as const;

export type QueueItem = {
  id: string;
  title: string;
  /** null when this broker may not see who posted it (not acting for the owner). */
  organisation: string | null;
  /** Whether a platform admin verified that organisation (null with the name). */
  organisationVerified: boolean | null;
  /** The owner asked for a broker's help. */
  helpRequested: boolean;
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
  const and: Prisma.NeedWhereInput[] = [needScopeFor(actor), { status: { in: ["SUBMITTED", "PUBLISHED", "IN_PROGRESS"] } }];
  if (filter.view === "new") and.push({ triageStatus: { not: "READY" } });
  if (filter.view === "stale") {
    and.push({ status: { in: ["PUBLISHED", "IN_PROGRESS"] }, updatedAt: { lt: new Date(now.getTime() - STALE_AFTER_DAYS * DAY) } });
    and.push({ introductions: { none: { state: { in: [...OPEN_DEAL_STATES] } } } });
  }
  if (filter.view === "mine") and.push({ brokerId: actor.id });
  if (filter.chain) and.push({ chainNode: { chainId: filter.chain } });
  // Filtering on a hidden region would reveal it: only needs whose region this broker may see.
  if (filter.region) and.push({ region: { contains: filter.region, mode: "insensitive" } }, teaserFieldScopeFor(actor, "region"));
  if (filter.minAgeDays !== undefined) and.push({ createdAt: { lte: new Date(now.getTime() - filter.minAgeDays * DAY) } });
  if (filter.maxAgeDays !== undefined) and.push({ createdAt: { gte: new Date(now.getTime() - filter.maxAgeDays * DAY) } });
  return { AND: and };
}

const queueSelect = {
  id: true,
  title: true,
  triageStatus: true,
  createdAt: true,
  ...needFactsSelect,
  organisation: { select: { name: true, verifiedAt: true } },
  teaserFields: true,
  chainNode: { select: { chainId: true, chain: { select: { id: true, nameZh: true, nameEn: true } } } },
  broker: { select: { id: true, name: true, email: true } },
  _count: { select: { introductions: { where: { state: { in: [...OPEN_DEAL_STATES] } } } } },
} satisfies Prisma.NeedSelect;

export async function listBrokerQueue(actor: Actor, filter: QueueFilter, now = new Date()): Promise<QueueItem[]> {
  authorize(actor, "broker.workbench");
  const rows = await prisma.need.findMany({
    where: queueWhere(filter, actor, now),
    orderBy: { createdAt: "asc" },
    take: 200,
    select: queueSelect,
  });
  return rows.map((r) => queueItem(actor, r, now));
}

function queueItem(actor: Actor, r: Prisma.NeedGetPayload<{ select: typeof queueSelect }>, now: Date): QueueItem {
  const facts = needFactsFrom(r);
  const full = can(actor, "need.readFull", facts);
  const owner = can(actor, "need.seeOwner", facts) ? r.organisation : null;
  return {
    id: r.id,
    title: r.title,
    organisation: owner?.name ?? null,
    organisationVerified: owner ? owner.verifiedAt !== null : null,
    helpRequested: r.brokerHelpAt !== null,
    visibility: r.visibility,
    status: r.status,
    triageStatus: r.triageStatus,
    chain: r.chainNode?.chain ?? null,
    region: full || r.teaserFields.includes("region") ? r.region : null,
    ageDays: Math.max(0, Math.floor((now.getTime() - r.createdAt.getTime()) / DAY)),
    broker: r.broker ? { id: r.broker.id, name: r.broker.name ?? r.broker.email } : null,
    openDeals: r._count.introductions,
  };
}

export async function listChains() {
  return prisma.industryChain.findMany({ orderBy: { sort: "asc" }, select: { id: true, nameZh: true, nameEn: true } });
}
