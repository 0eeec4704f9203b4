import "server-only";
import { Prisma, type Role } from "@/lib/generated/prisma/client";
import type { ActorUserRow } from "./effective-role";

/**
 * The columns of `actorUserSelect()` in one SQL statement, for a query that joins "User" as `u`:
 * the user, its live staff grants (not revoked, not past `validUntil`) and its broker portfolio.
 * Prisma's nested select reads the same in four round trips (~3.4 ms of server CPU per request
 * against ~0.7 ms, docs/SCALE.md, issue 18); browser sessions and API tokens run this on every
 * request. lib/tokens/authenticate-token.int.test.ts and the session tests hold both reads to the
 * same answer.
 */
export function actorUserColumns(now: Date): Prisma.Sql {
  return Prisma.sql`u.id AS "userId", u.role, u."organisationId", u."isOrgAdmin", u.email, u.name,
      COALESCE((SELECT json_agg(g.role) FROM "StaffRoleGrant" g
                WHERE g."userId" = u.id AND g."revokedAt" IS NULL AND (g."validUntil" IS NULL OR g."validUntil" > ${now})), '[]'::json) AS grants,
      (SELECT json_build_object('regions', p.regions, 'chainIds', p."chainIds") FROM "BrokerPortfolio" p WHERE p."userId" = u.id) AS portfolio`;
}

/** A row of `actorUserColumns`. */
export type ActorUserSqlRow = {
  userId: string;
  role: Role;
  organisationId: string | null;
  isOrgAdmin: boolean;
  email: string;
  name: string | null;
  grants: Role[];
  portfolio: { regions: string[]; chainIds: string[] } | null;
};

/** The row as `actorUserSelect()` gives it, for `toActor`. */
export function actorUserFromRow(row: ActorUserSqlRow): ActorUserRow {
  return {
    id: row.userId,
    role: row.role,
    organisationId: row.organisationId,
    isOrgAdmin: row.isOrgAdmin,
    email: row.email,
    name: row.name,
    staffGrants: row.grants.map((role) => ({ role })),
    brokerPortfolio: row.portfolio,
  };
}
