import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { isStaffRole } from "@/lib/staff/roles";
import { writeStaffGrant, type StaffGrantData } from "@/lib/staff/write-staff-grant";

// Operator path (npm run admin -- create-user): trusted, so it may create any role and joins
// or creates the named organisation. The address counts as confirmed. A staff role is given
// through a grant (lib/staff), recorded as granted by the operator, with the accreditation a
// broker needs; without a grant a staff account could not act.
export async function createUserAccount(input: {
  email: string;
  password: string;
  role: Role;
  orgName: string;
  orgKind: OrgKind;
  name?: string;
  /** Required for staff roles (BROKER, ADMIN, ANALYST). */
  grant?: Omit<StaffGrantData, "role">;
}): Promise<{ userId: string; organisationId: string }> {
  if (isStaffRole(input.role) && !input.grant) throw new Error(`A ${input.role} account needs a staff grant (reason; for brokers the accreditation)`);
  if (input.role === "BROKER" && !(input.grant?.certificateNo && input.grant.certificateIssuer && input.grant.validUntil)) {
    throw new Error("A broker grant needs --cert-no, --cert-issuer and --valid-until");
  }
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
    if (isStaffRole(input.role)) await writeStaffGrant(tx, user.id, null, { ...input.grant!, role: input.role });
    return { userId: user.id, organisationId: org.id };
  });
}
