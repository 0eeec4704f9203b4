import "server-only";
import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/policy";
import { actorUserSelect, toActor } from "@/lib/staff/effective-role";
import { generateToken } from "./api-token";

export async function createApiToken(actor: Actor, name: string): Promise<{ id: string; token: string }> {
  authorize(actor, "token.create");
  const { token, hash, prefix } = generateToken();
  const row = await prisma.apiToken.create({ data: { userId: actor.id, name, tokenHash: hash, prefix }, select: { id: true } });
  return { id: row.id, token };
}

// Operator path (npm run admin -- create-token): the operator acts for the named user.
export async function createApiTokenForEmail(email: string, name: string): Promise<{ id: string; token: string } | null> {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: actorUserSelect(),
  });
  const actor = toActor(user);
  return actor ? createApiToken(actor, name) : null;
}
