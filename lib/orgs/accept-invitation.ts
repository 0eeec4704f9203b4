import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/tokens/api-token";

export async function findOpenInvitation(token: string) {
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, organisation: { select: { name: true } } },
  });
}

// The invitation link proves the address, so the new account is confirmed at once.
export async function acceptInvitation(token: string, input: { name: string; password: string }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation is invalid or has expired");
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "This email is already registered");
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
