import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { fieldError } from "@/lib/errors";
import type { Locale } from "@/i18n/routing";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { sendMail } from "@/lib/mail/send-mail";
import { invitationMail, invitationToExistingAccountMail } from "@/lib/mail/templates";
import { authorize, can, type Actor } from "@/lib/policy";
import { MEMBER_ROLES_BY_KIND, type MemberRole } from "@/lib/staff/roles";
import { hashToken } from "@/lib/tokens/api-token";
import type { InviteMemberInput } from "@/lib/users/schemas";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The inviter's organisation kind and the member roles its invitations may create (form and action). */
export async function invitationOptionsFor(actor: Actor): Promise<{ kind: OrgKind; roles: readonly MemberRole[] }> {
  authorize(actor, "org.invite");
  const org = await prisma.organisation.findUniqueOrThrow({ where: { id: actor.organisationId! }, select: { kind: true } });
  return { kind: org.kind, roles: MEMBER_ROLES_BY_KIND[org.kind] };
}

/** `locale`: the language of the invitation mail (the inviter's: the invitee may have no account). */
export async function inviteMember(actor: Actor, input: InviteMemberInput, locale: Locale): Promise<{ invitationId: string }> {
  authorize(actor, "org.invite");
  const org = await prisma.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId! },
    select: { id: true, name: true, kind: true, verifiedAt: true },
  });
  // Re-checked here whatever the caller parsed: an invitation never creates a staff role or a
  // role that does not fit the organisation's kind.
  if (!can(actor, "org.inviteAs", { organisationId: org.id, organisationKind: org.kind, role: input.role })) {
    throw fieldError("role", "v.roleNotAllowed");
  }
  // An address that already has an account is invited like any other as far as the inviter can
  // tell (same answer, same pending invitation row): whether it has an account is told only to
  // its mailbox, in a mail without an accept link (an account belongs to one organisation).
  const hasAccount = (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) !== null;
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
  const orgName = { name: org.name, verified: org.verifiedAt !== null };
  const mail = hasAccount
    ? await invitationToExistingAccountMail(locale, orgName, new URL(`/${locale}/sign-in`, env.NEXTAUTH_URL).toString())
    : await invitationMail(locale, orgName, new URL(`/${locale}/invitations/${token}`, env.NEXTAUTH_URL).toString());
  await sendMail({ to: input.email, ...mail });
  return { invitationId: invitation.id };
}
