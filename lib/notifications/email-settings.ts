import "server-only";
import { prisma } from "@/lib/db";
import type { EmailDigest } from "@/lib/generated/prisma/enums";
import { authorize, type MaybeActor } from "@/lib/policy";
import type { EmailDigestInput } from "./schemas";

export async function getEmailDigest(actor: MaybeActor): Promise<EmailDigest> {
  authorize(actor, "notification.settings");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { emailDigest: true } });
  return user.emailDigest;
}

export async function updateEmailDigest(actor: MaybeActor, input: EmailDigestInput): Promise<void> {
  authorize(actor, "notification.settings");
  await prisma.user.update({ where: { id: actor.id }, data: { emailDigest: input.emailDigest } });
}
