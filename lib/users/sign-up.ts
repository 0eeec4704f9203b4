import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { translateValidationKey } from "@/lib/validation/messages";
import type { UiLocale } from "@/lib/validation/parse-input";
import { verifiedNameTaken } from "@/lib/orgs/verify-organisation";
import type { SignUpInput } from "./schemas";

// Self-service sign-up creates a new organisation with the user as its admin. Joining an
// existing organisation needs an invitation from its admin, so nobody can claim a company.
// The email stays unconfirmed until the magic link sent next is used.
export async function signUp(input: SignUpInput, locale: UiLocale): Promise<{ userId: string }> {
  const fieldError = (field: string, key: string) =>
    new AppError("VALIDATION", translateValidationKey(key, locale), { fields: { [field]: [translateValidationKey(key, locale)] } });

  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw fieldError("email", "v.emailTaken");
    if (await tx.organisation.findUnique({ where: { name: input.organisationName }, select: { id: true } })) {
      throw fieldError("organisationName", "v.orgTaken");
    }
    // A new organisation starts unverified and may not pass for a verified one.
    if (await verifiedNameTaken(tx, input.organisationName)) throw fieldError("organisationName", "v.orgNameVerified");
    const org = await tx.organisation.create({ data: { name: input.organisationName, kind: input.organisationKind, registrationCode: input.registrationCode ?? null } });
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        role: input.role,
        locale: input.locale,
        organisationId: org.id,
        isOrgAdmin: true,
      },
      select: { id: true },
    });
    return { userId: user.id };
  });
}
