import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { fieldError, notFound } from "@/lib/errors";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/policy";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { OPERATOR } from "@/lib/staff/staff-grants";
import { normaliseOrgName, registrationCodeProblem, type VerifyOrganisationInput } from "./schemas";

/** Is `name` (width, case and spaces ignored) already the name of a verified organisation other than `exceptId`? */
export async function verifiedNameTaken(db: Pick<typeof prisma, "$queryRaw">, name: string, exceptId: string | null = null): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Organisation"
    WHERE "verifiedAt" IS NOT NULL
      AND lower(regexp_replace(btrim(normalize("name", NFKC)), '\\s+', ' ', 'g')) = ${normaliseOrgName(name)}
      AND "id" IS DISTINCT FROM ${exceptId}
    LIMIT 1`;
  return rows.length > 0;
}

/**
 * A platform admin (or the operator CLI) verifies an organisation: its registration code must be
 * valid for its kind (the credit code's check character), and no other verified organisation
 * may have its name. Audited.
 */
export async function verifyOrganisation(
  by: Actor | typeof OPERATOR,
  input: VerifyOrganisationInput,
  ip: string | null = null,
): Promise<{ organisationId: string }> {
  if (by !== OPERATOR) authorize(by, "org.verify");
  return prisma.$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true, kind: true, registrationCode: true } });
    if (!org) throw notFound();
    const code = input.registrationCode ?? org.registrationCode;
    if (!code) throw fieldError("registrationCode", "v.required");
    const problem = registrationCodeProblem(org.kind as OrgKind, code);
    if (problem) throw fieldError("registrationCode", problem);
    if (await verifiedNameTaken(tx, org.name, org.id)) throw fieldError("organisationId", "v.orgNameVerified");
    const actorId = by === OPERATOR ? null : by.id;
    await tx.organisation.update({ where: { id: org.id }, data: { registrationCode: code, verifiedAt: new Date(), verifiedById: actorId } });
    await recordAudit(tx, { actorId, action: "org.verify", subject: `org:${org.id}`, detail: { registrationCode: code, kind: org.kind }, ip });
    // Search documents carry the verified mark next to the name: re-index this organisation's rows.
    for (const n of await tx.need.findMany({ where: { organisationId: org.id }, select: { id: true } })) await enqueueJob(tx, "index-need", { needId: n.id });
    for (const r of await tx.result.findMany({ where: { organisationId: org.id }, select: { id: true } }))
      await enqueueJob(tx, "index-result", { resultId: r.id });
    return { organisationId: org.id };
  });
}

export type OrganisationRow = {
  id: string;
  name: string;
  kind: OrgKind;
  registrationCode: string | null;
  createdAt: Date;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  members: number;
};

/** Organisations for the admin page: unverified first, newest first. */
export async function listOrganisationsForVerification(actor: Actor): Promise<OrganisationRow[]> {
  authorize(actor, "org.verify");
  const rows = await prisma.organisation.findMany({
    orderBy: [{ verifiedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 300,
    select: {
      id: true,
      name: true,
      kind: true,
      registrationCode: true,
      createdAt: true,
      verifiedAt: true,
      verifiedBy: { select: { email: true } },
      _count: { select: { members: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    registrationCode: r.registrationCode,
    createdAt: r.createdAt,
    verifiedAt: r.verifiedAt,
    verifiedBy: r.verifiedBy?.email ?? null,
    members: r._count.members,
  }));
}
