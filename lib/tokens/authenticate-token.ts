import "server-only";
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { hashToken, TOKEN_PREFIX } from "./api-token";

export async function authenticateBearer(authorization: string | null): Promise<Actor | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  if (!token || !token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findFirst({
    where: { tokenHash: hashToken(token), revokedAt: null },
    select: { id: true, user: { select: { id: true, role: true, organisationId: true, isOrgAdmin: true, email: true, name: true } } },
  });
  if (!row) return null;
  // Best effort; a lost timestamp update must not fail the request.
  prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  return row.user;
}
