import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeaserField } from "@/lib/needs/teaser-fields";
import type { MaybeActor } from "./actor";

// Query scopes: the same rules as rules.ts ("need.discover", "result.read"), written as
// `where` clauses so that rows a user may not see are never loaded at all.
// An anonymous visitor (null) sees the public catalogue: live needs that are not BROKER_ONLY
// (rules.ts `publicNeed`), published results.
const LIVE_NOT_BROKER_ONLY: Prisma.NeedWhereInput = {
  status: { in: ["PUBLISHED", "IN_PROGRESS", "SOLVED"] },
  visibility: { not: "BROKER_ONLY" },
};

export function needScopeFor(actor: MaybeActor): Prisma.NeedWhereInput {
  if (!actor) return LIVE_NOT_BROKER_ONLY;
  if (actor.role === "ADMIN") return {};
  if (actor.role === "BROKER") return { OR: [brokerActsForScope(actor), { status: { not: "DRAFT" }, visibility: { not: "BROKER_ONLY" } }] };
  const live = LIVE_NOT_BROKER_ONLY;
  return actor.organisationId ? { OR: [{ organisationId: actor.organisationId }, live] } : live;
}

/**
 * Needs a broker acts for (rules.ts `actsForOwner`): assigned to them, the owner asked for a
 * broker's help, or BROKER_ONLY in their portfolio. Inside it the broker reads the full text and
 * sees the owner; outside it, what a researcher sees.
 */
export function brokerActsForScope(actor: MaybeActor): Prisma.NeedWhereInput {
  if (actor?.role !== "BROKER") return { id: { in: [] } };
  const or: Prisma.NeedWhereInput[] = [{ brokerId: actor.id }, { brokerHelpAt: { not: null }, status: { not: "DRAFT" } }];
  const p = actor.brokerPortfolio;
  const where: Prisma.NeedWhereInput[] = [];
  if (p?.chainIds.length) where.push({ chainNode: { chainId: { in: p.chainIds } } });
  if (p?.regions.length) where.push({ region: { in: p.regions } });
  if (where.length) or.push({ visibility: "BROKER_ONLY", OR: where });
  return { OR: or };
}

/** A need's columns that `needScopeFor` looks at, as loaded (the chain is its chain node's). */
export type NeedScopeColumns = {
  organisationId: string;
  visibility: string;
  status: string;
  brokerId: string | null;
  brokerHelpAt: Date | null;
  region: string | null;
  chainId: string | null;
};

/**
 * `needScopeFor(actor)` as a test of one loaded row, for reads that cannot take the Prisma
 * `where` (one SQL statement: lib/needs/recheck-need-hits.ts). Clause for clause the same; an
 * integration test holds the two to the same rows for every kind of viewer and need
 * (lib/needs/recheck-need-hits.int.test.ts).
 */
export function inNeedScope(actor: MaybeActor, n: NeedScopeColumns): boolean {
  const liveNotBrokerOnly = ["PUBLISHED", "IN_PROGRESS", "SOLVED"].includes(n.status) && n.visibility !== "BROKER_ONLY";
  if (!actor) return liveNotBrokerOnly;
  if (actor.role === "ADMIN") return true;
  if (actor.role === "BROKER") return inBrokerActsForScope(actor, n) || (n.status !== "DRAFT" && n.visibility !== "BROKER_ONLY");
  return (!!actor.organisationId && n.organisationId === actor.organisationId) || liveNotBrokerOnly;
}

/** `brokerActsForScope(actor)` as a test of one loaded row (see inNeedScope). */
function inBrokerActsForScope(actor: MaybeActor, n: NeedScopeColumns): boolean {
  if (actor?.role !== "BROKER") return false;
  if (n.brokerId === actor.id || (n.brokerHelpAt !== null && n.status !== "DRAFT")) return true;
  const p = actor.brokerPortfolio;
  const where: boolean[] = [];
  if (p?.chainIds.length) where.push(n.chainId !== null && p.chainIds.includes(n.chainId));
  if (p?.regions.length) where.push(n.region !== null && p.regions.includes(n.region));
  return where.length > 0 && n.visibility === "BROKER_ONLY" && where.some(Boolean);
}

/** Needs whose full text this viewer reads in a list context (staff only; others: {id: []}). */
function staffFullScope(actor: MaybeActor): Prisma.NeedWhereInput | null {
  if (actor?.role === "ADMIN") return {};
  if (actor?.role === "BROKER") return brokerActsForScope(actor);
  return null;
}

/**
 * Needs on which this viewer may see an optional teaser field (TRL, budget, region, modes): needs
 * whose full text is public (PUBLIC, ANONYMOUS), CONFIDENTIAL needs whose owner put the field in
 * the teaser, and needs of the viewer's own organisation (staff: all). Facet counts, filters and
 * sorts over such a field must stay inside this scope, or a hidden value leaks through them.
 * (A researcher's access grant is not considered here: granted needs simply show fewer facets.)
 */
export function teaserFieldScopeFor(actor: MaybeActor, field: TeaserField): Prisma.NeedWhereInput {
  if (actor?.role === "ADMIN") return {};
  const staff = staffFullScope(actor);
  const open: Prisma.NeedWhereInput[] = [
    { visibility: { in: ["PUBLIC", "ANONYMOUS"] } },
    { visibility: "CONFIDENTIAL", teaserFields: { has: field } },
    ...(staff ? [staff] : []),
  ];
  return { OR: actor?.organisationId ? [...open, { organisationId: actor.organisationId }] : open };
}

/**
 * Needs whose `field` a viewer sees in a list row (NeedView "summary"): TRL and budget as teaser
 * fields; the deadline only where the whole need is open to the viewer (not CONFIDENTIAL or
 * BROKER_ONLY, unless their own organisation's). Sorting by such a field stays inside this scope.
 */
export function needSummaryFieldScopeFor(actor: MaybeActor, field: "trlTarget" | "budgetMaxCny" | "deadline"): Prisma.NeedWhereInput {
  if (field === "trlTarget") return teaserFieldScopeFor(actor, "trlTarget");
  if (field === "budgetMaxCny") return teaserFieldScopeFor(actor, "budget");
  if (actor?.role === "ADMIN") return {};
  const staff = staffFullScope(actor);
  const open: Prisma.NeedWhereInput[] = [{ visibility: { in: ["PUBLIC", "ANONYMOUS"] } }, ...(staff ? [staff] : [])];
  return { OR: actor?.organisationId ? [...open, { organisationId: actor.organisationId }] : open };
}

export function resultScopeFor(actor: MaybeActor): Prisma.ResultWhereInput {
  if (!actor) return { status: "PUBLISHED" };
  if (actor.role === "BROKER" || actor.role === "ADMIN") return {};
  const live: Prisma.ResultWhereInput = { status: "PUBLISHED" };
  return actor.organisationId ? { OR: [{ organisationId: actor.organisationId }, live] } : live;
}

// What the database knows about THIS viewer and a need, loaded in the same query as the need:
// their live access grant (APPROVED, not revoked, not expired at `now`) and a revealed
// introduction (both sides accepted). Read on every request, so a revocation or an expiry
// applies to the very next one.
export function viewerNeedInclude(actor: MaybeActor, now: Date = new Date()) {
  const viewerId = actor?.id ?? "";
  return {
    accessRequests: {
      where: { requesterId: viewerId, status: "APPROVED", revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, expiresAt: true },
      take: 1,
    },
    introductions: {
      where: { researcherId: viewerId, companyAcceptedAt: { not: null }, researcherAcceptedAt: { not: null } },
      select: { id: true },
      take: 1,
    },
  } satisfies Prisma.NeedInclude;
}

/** The need's own columns that its policy facts are built from (with viewerNeedInclude). */
export const needFactsSelect = {
  organisationId: true,
  visibility: true,
  status: true,
  brokerId: true,
  brokerHelpAt: true,
  region: true,
  chainNode: { select: { chainId: true } },
} as const satisfies Prisma.NeedSelect;

type NeedFactsColumns = Prisma.NeedGetPayload<{ select: typeof needFactsSelect }>;

/** Policy facts of a need loaded with needFactsSelect (+ viewerNeedInclude when viewer facts matter). */
export function needFactsFrom(row: NeedFactsColumns & Partial<ViewerNeedRelations>) {
  return {
    organisationId: row.organisationId,
    visibility: row.visibility,
    status: row.status,
    brokerId: row.brokerId,
    ...viewerFactsOf({
      accessRequests: row.accessRequests ?? [],
      introductions: row.introductions ?? [],
      brokerHelpAt: row.brokerHelpAt,
      region: row.region,
      chainNode: row.chainNode,
    }),
  };
}

export type ViewerNeedRelations = {
  accessRequests: { id: string }[];
  introductions: { id: string }[];
  brokerHelpAt?: Date | null;
  region?: string | null;
  chainNode?: { chainId: string } | null;
};

/**
 * The need's facts about THIS viewer: their grant and reveal (loaded by viewerNeedInclude), and
 * what decides a broker's relationship to it (owner asked for help, region and chain for the
 * portfolio, which comes fresh with the actor on each request).
 */
export function viewerFactsOf(row: ViewerNeedRelations): {
  grantedToViewer: boolean;
  revealedToViewer: boolean;
  brokerHelpRequested: boolean;
  region: string | null;
  chainId: string | null;
} {
  return {
    grantedToViewer: row.accessRequests.length > 0,
    revealedToViewer: row.introductions.length > 0,
    brokerHelpRequested: !!row.brokerHelpAt,
    region: row.region ?? null,
    chainId: row.chainNode?.chainId ?? null,
  };
}
