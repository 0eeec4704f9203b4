import "server-only";
import { prisma } from "@/lib/db";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/tokens/api-token";
import { memberRoleFits } from "@/lib/staff/roles";

export async function findOpenInvitation(token: string) {
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, organisation: { select: { name: true, verifiedAt: true } } },
  });
}

// The invitation link proves the address, so the new account is confirmed at once. The role
// comes from the invitation row only (nothing the accept form posts), and is checked again
// against the organisation's kind: an invitation written before that rule, or by hand into the
// database, cannot create a staff account.
export async function acceptInvitation(token: string, input: { name: string; password: string }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
      include: { organisation: { select: { kind: true } } },
    });
    if (!invitation) throw notFound("invitation.invalid");
    if (!memberRoleFits(invitation.organisation.kind, invitation.role)) {
      throw forbidden("invitation.roleNotAllowed");
    }
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw conflict("invitation.emailTaken");
    }
    await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: invitation.role,
        organisationId: invitation.organisationId,
        emailVerified: new Date(),
      },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    return { email: invitation.email };
  });
}
