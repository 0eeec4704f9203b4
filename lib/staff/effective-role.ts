import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/policy/actor";
import { isStaffRole } from "./roles";

// Every place that turns a user row into the acting user (browser sessions, API tokens, the
// operator CLI) selects the user with `actorUserSelect()` and converts it with `toActor`, so
// pages, server actions and the REST API all see the same effective role.

/** A grant is live while not revoked and, if it has a validUntil (accreditation), not past it. */
export const liveGrantWhere = (now: Date) => ({ revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] });

export const actorUserSelect = (now: Date = new Date()) =>
  ({
    id: true,
    role: true,
    organisationId: true,
    isOrgAdmin: true,
    email: true,
    name: true,
    staffGrants: { where: liveGrantWhere(now), select: { role: true } },
    brokerPortfolio: { select: { regions: true, chainIds: true } },
  }) as const;

export type ActorUserRow = Omit<Actor, "role"> & { role: Role; staffGrants: { role: Role }[] };

/**
 * The acting user, or null when the user holds a staff role without a live grant for it (revoked,
 * or the accreditation lapsed): such an account does not act at all until a platform admin
 * grants the role again, rather than acting with some lesser role nobody chose for it.
 */
export function toActor(row: ActorUserRow | null): Actor | null {
  if (!row) return null;
  if (isStaffRole(row.role) && !row.staffGrants.some((g) => g.role === row.role)) return null;
  return {
    id: row.id,
    role: row.role,
    organisationId: row.organisationId,
    isOrgAdmin: row.isOrgAdmin,
    email: row.email,
    name: row.name,
    brokerPortfolio: row.brokerPortfolio ?? null,
  };
}
