import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send-mail";
import { invitationMail } from "@/lib/mail/templates";
import { authorize, type Actor } from "@/lib/policy";
import { hashToken } from "@/lib/tokens/api-token";
import { translateValidationKey } from "@/lib/validation/messages";
import type { UiLocale } from "@/lib/validation/parse-input";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function inviteMember(actor: Actor, input: { email: string; role: "COMPANY" | "RESEARCHER" | "BROKER" }, locale: UiLocale): Promise<{ invitationId: string }> {
  authorize(actor, "org.invite");
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    const message = translateValidationKey("v.emailTaken", locale);
    throw new AppError("VALIDATION", message, { fields: { email: [message] } });
  }
  const org = await prisma.organisation.findUniqueOrThrow({ where: { id: actor.organisationId! }, select: { id: true, name: true } });
  const token = randomBytes(32).toString("base64url");
  const invitation = await prisma.invitation.create({
    data: {
      email: input.email,
      role: input.role,
      organisationId: org.id,
      invitedById: actor.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
    select: { id: true },
  });
  const url = new URL(`/${locale}/invitations/${token}`, env.NEXTAUTH_URL).toString();
  await sendMail({ to: input.email, ...invitationMail(locale === "en" ? "en" : "zh", org.name, url) });
  return { invitationId: invitation.id };
}
