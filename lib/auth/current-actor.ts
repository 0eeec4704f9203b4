import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor, MaybeActor } from "@/lib/policy";
import { readSessionToken, sessionCookieName } from "./session-cookie";

const actorSelect = { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true, brokerPortfolio: { select: { regions: true, chainIds: true } } } as const;

// The user a decoded session (JWT claims uid + sid) belongs to, or null. The JWT alone is not
// trusted: its AuthSession row must be live (not signed out, not expired), and role and
// organisation are read fresh from the database.
export async function actorForSession(session: { uid?: unknown; sid?: unknown } | null): Promise<MaybeActor> {
  if (!session || typeof session.uid !== "string" || typeof session.sid !== "string") return null;
  const live = await prisma.authSession.findFirst({
    where: { id: session.sid, userId: session.uid, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: actorSelect } },
  });
  return live ? (live.user satisfies Actor) : null;
}

// The signed-in user for this request, or null. The session cookie is decrypted and checked
// (signature, expiry) by next-auth's own `decode`, then its AuthSession row is checked once.
// Not getServerSession: it runs the jwt callback (a second query for the same row) and
// re-encrypts a cookie that a server component cannot set, ~1/4 of a page's server time here.
export const getCurrentActor = cache(async (): Promise<MaybeActor> => {
  const jar = await cookies();
  const token = readSessionToken((name) => jar.get(name)?.value, sessionCookieName(env.NEXTAUTH_URL));
  if (!token) return null;
  const claims = await decode({ token, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  return actorForSession(claims as { uid?: unknown; sid?: unknown } | null);
});
