import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { hashToken, TOKEN_PREFIX } from "./api-token";

/**
 * How stale `lastUsedAt` may get. Writing it on every request made every API call a write to the
 * same row: a busy client's concurrent requests queued on that row's lock while holding pooled
 * connections (measured under bench:load). Once a minute is precise enough for "last used".
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateBearer(authorization: string | null): Promise<Actor | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  if (!token || !token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: null },
    select: { id: true, lastUsedAt: true, user: { select: actorUserSelect() } },
  });
  // A staff role without a live grant (revoked, accreditation lapsed) does not act: 401.
  const actor = row ? toActor(row.user) : null;
  if (!row || !actor) return null;
  const now = Date.now();
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
