import "server-only";
import { prisma } from "@/lib/db";
import { fieldError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { verifiedNameTaken } from "@/lib/orgs/verify-organisation";
import type { SignUpInput } from "./schemas";

export type SignUpOutcome = { outcome: "created"; userId: string } | { outcome: "existing" };

// Self-service sign-up creates a new organisation with the user as its admin. Joining an
// existing organisation needs an invitation from its admin, so nobody can claim a company.
// The email stays unconfirmed until the magic link sent next is used.
//
// The caller answers both outcomes the same way ("check your mailbox"): whether an address has an
// account is told only to that mailbox, by a notice mailed from a job (so the answer takes about
// as long either way). The organisation name is checked first, for every address, so that a taken
// name is no hint about the email either.
export async function signUp(input: SignUpInput): Promise<SignUpOutcome> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx): Promise<SignUpOutcome> => {
    if (await tx.organisation.findUnique({ where: { name: input.organisationName }, select: { id: true } })) {
      throw fieldError("organisationName", "v.orgTaken");
    }
    // A new organisation starts unverified and may not pass for a verified one.
    if (await verifiedNameTaken(tx, input.organisationName)) throw fieldError("organisationName", "v.orgNameVerified");
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      // One pending notice per account: a burst of sign-ups with the address mails it once.
      await enqueueJob(tx, "account-exists-notice", { userId: existing.id }, { jobKey: `account-exists-notice:${existing.id}` });
      return { outcome: "existing" };
    }
    const org = await tx.organisation.create({
      data: { name: input.organisationName, kind: input.organisationKind, registrationCode: input.registrationCode ?? null },
    });
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
    return { outcome: "created", userId: user.id };
  });
}
