import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";

// Operator path (npm run admin -- create-user): trusted, so it may create any role and joins
// or creates the named organisation. The address counts as confirmed.
export async function createUserAccount(input: {
  email: string;
  password: string;
  role: Role;
  orgName: string;
  orgKind: OrgKind;
  name?: string;
}): Promise<{ userId: string; organisationId: string }> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const org = await tx.organisation.upsert({
      where: { name: input.orgName },
      update: {},
      create: { name: input.orgName, kind: input.orgKind },
    });
    const isFirstMember = (await tx.user.count({ where: { organisationId: org.id } })) === 0;
    const user = await tx.user.create({
      data: {
        email: input.email.trim().toLowerCase(),
        name: input.name ?? input.email.split("@")[0],
        passwordHash,
        role: input.role,
        organisationId: org.id,
        isOrgAdmin: isFirstMember,
        emailVerified: new Date(),
      },
      select: { id: true },
    });
    return { userId: user.id, organisationId: org.id };
  });
}
