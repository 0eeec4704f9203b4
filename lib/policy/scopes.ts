import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeaserField } from "@/lib/needs/teaser-fields";
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

/**
 * Needs on which this viewer may see an optional teaser field (TRL, budget, region, modes): needs
 * whose full text is public (PUBLIC, ANONYMOUS), CONFIDENTIAL needs whose owner put the field in
 * the teaser, and needs of the viewer's own organisation (staff: all). Facet counts, filters and
 * sorts over such a field must stay inside this scope, or a hidden value leaks through them.
 * (A researcher's access grant is not considered here: granted needs simply show fewer facets.)
 */
export function teaserFieldScopeFor(actor: MaybeActor, field: TeaserField): Prisma.NeedWhereInput {
  if (!actor) return { id: { in: [] } };
  if (actor.role === "BROKER" || actor.role === "ADMIN") return {};
  const open: Prisma.NeedWhereInput[] = [{ visibility: { in: ["PUBLIC", "ANONYMOUS"] } }, { visibility: "CONFIDENTIAL", teaserFields: { has: field } }];
  return { OR: actor.organisationId ? [...open, { organisationId: actor.organisationId }] : open };
}

/**
 * Needs whose `field` a viewer sees in a list row (NeedView "summary"): TRL and budget as teaser
 * fields; the deadline only where the whole need is open to the viewer (not CONFIDENTIAL or
 * BROKER_ONLY, unless their own organisation's). Sorting by such a field stays inside this scope.
 */
export function needSummaryFieldScopeFor(actor: MaybeActor, field: "trlTarget" | "budgetMaxCny" | "deadline"): Prisma.NeedWhereInput {
  if (field === "trlTarget") return teaserFieldScopeFor(actor, "trlTarget");
  if (field === "budgetMaxCny") return teaserFieldScopeFor(actor, "budget");
  if (!actor) return { id: { in: [] } };
  if (actor.role === "BROKER" || actor.role === "ADMIN") return {};
  const open: Prisma.NeedWhereInput = { visibility: { in: ["PUBLIC", "ANONYMOUS"] } };
  return actor.organisationId ? { OR: [open, { organisationId: actor.organisationId }] } : open;
}

export function resultScopeFor(actor: MaybeActor): Prisma.ResultWhereInput {
  if (!actor) return { id: { in: [] } };
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

export type ViewerNeedRelations = { accessRequests: { id: string }[]; introductions: { id: string }[] };

export function viewerFactsOf(row: ViewerNeedRelations): { grantedToViewer: boolean; revealedToViewer: boolean } {
  return { grantedToViewer: row.accessRequests.length > 0, revealedToViewer: row.introductions.length > 0 };
}
