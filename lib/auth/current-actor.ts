import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import type { Actor, MaybeActor } from "@/lib/policy";
import { authOptions } from "./options";

const actorSelect = { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true } as const;

// The signed-in user for this request, or null. The JWT alone is not trusted: its AuthSession
// row must be live, and role and organisation are read fresh from the database.
export const getCurrentActor = cache(async (): Promise<MaybeActor> => {
  const session = (await getServerSession(authOptions)) as { uid?: unknown; sid?: unknown } | null;
  if (!session || typeof session.uid !== "string" || typeof session.sid !== "string") return null;
  const live = await prisma.authSession.findFirst({
    where: { id: session.sid, userId: session.uid, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: actorSelect } },
  });
  return live ? (live.user satisfies Actor) : null;
});
