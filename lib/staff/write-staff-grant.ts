import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/access/record-audit";
import { isStaffRole, type StaffRole } from "./roles";

// The two writes behind every staff-role change, in the caller's transaction. Used by the admin
// page, the operator CLI, create-user and the demo seed alike, so a staff role never appears
// without its grant row and audit entry.

type Tx = Prisma.TransactionClient;

export type StaffGrantData = {
  role: StaffRole;
  reason: string;
  certificateNo?: string | null;
  certificateIssuer?: string | null;
  validUntil?: Date | null;
};

/** Locks the user's row: concurrent grants and revocations for one user run one after another. */
async function lockUser(tx: Tx, userId: string): Promise<{ id: string; role: Role } | null> {
  const rows = await tx.$queryRaw<{ id: string; role: Role }[]>`SELECT "id", "role"::text AS "role" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Grants `data.role` to the user: a grant the user still holds is closed as superseded (one live
 * grant per user), the user's role becomes the staff role, and the member role they had before
 * is kept on the grant so that a revocation gives it back.
 */
export async function writeStaffGrant(
  tx: Tx,
  userId: string,
  grantedById: string | null,
  data: StaffGrantData,
  ip: string | null = null,
): Promise<{ grantId: string }> {
  const user = await lockUser(tx, userId);
  if (!user) throw new Error(`No user ${userId}`);
  const now = new Date();
  const open = await tx.staffRoleGrant.findMany({ where: { userId, revokedAt: null }, select: { id: true, previousRole: true } });
  if (open.length > 0) {
    await tx.staffRoleGrant.updateMany({
      where: { id: { in: open.map((g) => g.id) } },
      data: { revokedAt: now, revokedById: grantedById, revokeReason: `superseded by a new ${data.role} grant` },
    });
  }
  const previousRole = isStaffRole(user.role) ? (open.find((g) => g.previousRole)?.previousRole ?? null) : user.role;
  const grant = await tx.staffRoleGrant.create({
    data: {
      userId,
      role: data.role,
      grantedById,
      reason: data.reason,
      certificateNo: data.certificateNo ?? null,
      certificateIssuer: data.certificateIssuer ?? null,
      validUntil: data.validUntil ?? null,
      previousRole,
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.user.update({ where: { id: userId }, data: { role: data.role } });
  await recordAudit(tx, {
    actorId: grantedById,
    action: "staff.grant",
    subject: `user:${userId}`,
    detail: { grantId: grant.id, role: data.role, validUntil: data.validUntil?.toISOString() ?? null, certificateNo: data.certificateNo ?? null },
    ip,
  });
  return { grantId: grant.id };
}

/**
 * Revokes every grant the user still holds (live or lapsed), gives back the member role they had
 * before (if any: otherwise the account cannot act until granted again) and ends all of the
 * user's browser sessions and API tokens at once. Returns null when there was nothing to revoke.
 */
export async function writeStaffRevocation(
  tx: Tx,
  userId: string,
  revokedById: string | null,
  reason: string,
  ip: string | null = null,
): Promise<{ grantIds: string[]; restoredRole: Role | null } | null> {
  const user = await lockUser(tx, userId);
  if (!user) return null;
  const open = await tx.staffRoleGrant.findMany({ where: { userId, revokedAt: null }, select: { id: true, role: true, previousRole: true } });
  if (open.length === 0) return null;
  const now = new Date();
  await tx.staffRoleGrant.updateMany({ where: { id: { in: open.map((g) => g.id) } }, data: { revokedAt: now, revokedById, revokeReason: reason } });
  const restoredRole = open.find((g) => g.role === user.role)?.previousRole ?? open.find((g) => g.previousRole)?.previousRole ?? null;
  if (restoredRole) await tx.user.update({ where: { id: userId }, data: { role: restoredRole } });
  await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  await recordAudit(tx, {
    actorId: revokedById,
    action: "staff.revoke",
    subject: `user:${userId}`,
    detail: { grantIds: open.map((g) => g.id).join(","), roles: open.map((g) => g.role).join(","), restoredRole },
    ip,
  });
  return { grantIds: open.map((g) => g.id), restoredRole };
}
