import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor, MaybeActor } from "@/lib/policy";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { readSessionToken, sessionCookieName } from "./session-cookie";
import { decodeSessionToken } from "./session-token";

// The user a decoded session (JWT claims uid + sid) belongs to, or null. The JWT alone is not
// trusted: its AuthSession row must be live (not signed out, not expired), and role and
// organisation are read fresh from the database; a staff role counts only with a live grant
// (lib/staff/effective-role.ts, the same rule as for API tokens).
export async function actorForSession(session: { uid?: unknown; sid?: unknown } | null): Promise<MaybeActor> {
  if (!session || typeof session.uid !== "string" || typeof session.sid !== "string") return null;
  const live = await prisma.authSession.findFirst({
    where: { id: session.sid, userId: session.uid, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: actorUserSelect() } },
  });
  return live ? (toActor(live.user) satisfies Actor | null) : null;
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
