import "server-only";
import { prisma } from "@/lib/db";

export const AUTH_SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export async function openAuthSession(userId: string): Promise<string> {
  const row = await prisma.authSession.create({
    data: { userId, expiresAt: new Date(Date.now() + AUTH_SESSION_MAX_AGE_S * 1000) },
    select: { id: true },
  });
  return row.id;
}

export async function revokeAuthSession(sessionId: string): Promise<void> {
  await prisma.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The server-side session is open: not signed out, not expired, and the user's own. */
export async function isAuthSessionLive(sessionId: unknown, userId: unknown): Promise<boolean> {
  if (typeof sessionId !== "string" || typeof userId !== "string") return false;
  const live = await prisma.authSession.count({ where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() } } });
  return live > 0;
}
