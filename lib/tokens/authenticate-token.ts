import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { toActor, type ActorUserRow } from "@/lib/staff/effective-role";
import { actorUserColumns, actorUserFromRow, type ActorUserSqlRow } from "@/lib/staff/actor-user-sql";
import { hashToken, TOKEN_PREFIX } from "./api-token";

/**
 * How stale `lastUsedAt` may get. Writing it on every request made every API call a write to the
 * same row: a busy client's concurrent requests queued on that row's lock while holding pooled
 * connections (measured under bench:load). Once a minute is precise enough for "last used".
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

type TokenRow = ActorUserSqlRow & { id: string; lastUsedAt: Date | null };

/**
 * The live token and its user as `actorUserSelect()` reads a user (live staff grants: not revoked,
 * not past `validUntil`; the broker portfolio), in one statement (`actorUserColumns`). Every API
 * request runs this: the same read through Prisma's nested select cost ~3.4 ms of server CPU per
 * request against ~0.7 ms here (docs/SCALE.md, issue 18). The authorization-matrix and token tests
 * hold both to the same answer.
 */
async function findLiveToken(tokenHash: string, now: Date): Promise<{ id: string; lastUsedAt: Date | null; user: ActorUserRow } | null> {
  const rows = await prisma.$queryRaw<TokenRow[]>`
    SELECT t.id, t."lastUsedAt", ${actorUserColumns(now)}
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${tokenHash} AND t."revokedAt" IS NULL
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, lastUsedAt: row.lastUsedAt, user: actorUserFromRow(row) };
}

export async function authenticateBearer(authorization: string | null): Promise<Actor | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  if (!token || !token.startsWith(TOKEN_PREFIX)) return null;
  const now = Date.now();
  const row = await findLiveToken(hashToken(token), new Date(now));
  // A staff role without a live grant (revoked, accreditation lapsed) does not act: 401.
  const actor = row ? toActor(row.user) : null;
  if (!row || !actor) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Best effort; a lost timestamp update must not fail the request. The condition keeps
    // concurrent requests that all saw a stale value from writing the row one after another.
    prisma.apiToken
      .updateMany({
        where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }] },
        data: { lastUsedAt: new Date(now) },
      })
      .catch(() => undefined);
  }
  return actor;
}
