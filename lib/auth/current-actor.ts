import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor, MaybeActor } from "@/lib/policy";
import { toActor } from "@/lib/staff/effective-role";
import { actorUserColumns, actorUserFromRow, type ActorUserSqlRow } from "@/lib/staff/actor-user-sql";
import { readSessionToken, sessionCookieName } from "./session-cookie";
import { decodeSessionToken } from "./session-token";

// The user a decoded session (JWT claims uid + sid) belongs to, or null. The JWT alone is not
// trusted: its AuthSession row must be live (not signed out, not expired), and role and
// organisation are read fresh from the database; a staff role counts only with a live grant
// (lib/staff/effective-role.ts, the same rule as for API tokens). One statement: the session row
// and the user as `actorUserSelect()` reads it (`actorUserColumns`, as the API token's read).
export async function actorForSession(session: { uid?: unknown; sid?: unknown } | null): Promise<MaybeActor> {
  if (!session || typeof session.uid !== "string" || typeof session.sid !== "string") return null;
  const now = new Date();
  const rows = await prisma.$queryRaw<ActorUserSqlRow[]>`
    SELECT ${actorUserColumns(now)}
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${session.sid} AND s."userId" = ${session.uid} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
    LIMIT 1`;
  const row = rows[0];
  return row ? (toActor(actorUserFromRow(row)) satisfies Actor | null) : null;
}

// The signed-in user for this request, or null. The session cookie is decrypted and checked
// (signature, expiry) as next-auth's own `decode` does, with the key derived once per process
// (lib/auth/session-token.ts), then its AuthSession row is checked once.
// Not getServerSession: it runs the jwt callback (a second query for the same row) and
// re-encrypts a cookie that a server component cannot set, ~1/4 of a page's server time here.
export const getCurrentActor = cache(async (): Promise<MaybeActor> => {
  const jar = await cookies();
  const token = readSessionToken((name) => jar.get(name)?.value, sessionCookieName(env.NEXTAUTH_URL));
  if (!token) return null;
  const claims = await decodeSessionToken(token, env.NEXTAUTH_SECRET).catch(() => null);
  return actorForSession(claims as { uid?: unknown; sid?: unknown } | null);
});
