import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import type { Actor, MaybeActor } from "@/lib/policy";
import { authOptions } from "./options";

const actorSelect = { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true } as const;

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

// The signed-in user for this request, or null.
export const getCurrentActor = cache(async (): Promise<MaybeActor> => {
  return actorForSession((await getServerSession(authOptions)) as { uid?: unknown; sid?: unknown } | null);
});
