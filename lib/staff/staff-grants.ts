import "server-only";
import { prisma } from "@/lib/db";
import { fieldError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/policy";
import { endOfDayInChina, type GrantStaffRoleInput, type RevokeStaffRoleInput } from "./schemas";
import { writeStaffGrant, writeStaffRevocation } from "./write-staff-grant";

/** The operator at the server's shell (npm run admin): trusted, recorded as "no granting user". */
export const OPERATOR = "operator" as const;
type GrantingParty = Actor | typeof OPERATOR;

async function userIdFor(by: GrantingParty, email: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw fieldError("email", "v.noUser");
  // Separation of duties: an admin neither promotes nor demotes themselves.
  if (by !== OPERATOR && user.id === by.id) throw fieldError("email", "v.selfGrant");
  return user.id;
}

export async function grantStaffRole(by: GrantingParty, input: GrantStaffRoleInput, ip: string | null = null): Promise<{ grantId: string; userId: string }> {
  if (by !== OPERATOR) authorize(by, "staff.grant");
  const userId = await userIdFor(by, input.email);
  const { grantId } = await prisma.$transaction((tx) =>
    writeStaffGrant(
      tx,
      userId,
      by === OPERATOR ? null : by.id,
      {
        role: input.role,
        reason: input.reason,
        certificateNo: input.certificateNo ?? null,
        certificateIssuer: input.certificateIssuer ?? null,
        validUntil: input.validUntil ? endOfDayInChina(input.validUntil) : null,
      },
      ip,
    ),
  );
  return { grantId, userId };
}

export async function revokeStaffRole(
  by: GrantingParty,
  input: RevokeStaffRoleInput,
  ip: string | null = null,
): Promise<{ userId: string; grantIds: string[] }> {
  if (by !== OPERATOR) authorize(by, "staff.revoke");
  const userId = await userIdFor(by, input.email);
  const done = await prisma.$transaction((tx) => writeStaffRevocation(tx, userId, by === OPERATOR ? null : by.id, input.reason, ip));
  if (!done) throw fieldError("email", "v.noLiveGrant");
  return { userId, grantIds: done.grantIds };
}

export type StaffGrantRow = {
  id: string;
  role: string;
  user: { email: string; name: string | null };
  grantedBy: string | null;
  reason: string;
  certificateNo: string | null;
  certificateIssuer: string | null;
  validUntil: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
  /** live: acting now; lapsed: accreditation past; revoked */
  state: "live" | "lapsed" | "revoked";
};

/** Every grant, newest first: the audit of who granted what to whom, when and why. */
export async function listStaffGrants(actor: Actor, now: Date = new Date()): Promise<StaffGrantRow[]> {
  authorize(actor, "staff.list");
  const rows = await prisma.staffRoleGrant.findMany({
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      role: true,
      reason: true,
      certificateNo: true,
      certificateIssuer: true,
      validUntil: true,
      createdAt: true,
      revokedAt: true,
      revokeReason: true,
      user: { select: { email: true, name: true } },
      grantedBy: { select: { email: true } },
      revokedBy: { select: { email: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    grantedBy: r.grantedBy?.email ?? null,
    revokedBy: r.revokedBy?.email ?? null,
    state: r.revokedAt ? "revoked" : r.validUntil && r.validUntil <= now ? "lapsed" : "live",
  }));
}
