import { isStaffRole } from "@/lib/staff/roles";
import type { Role } from "@/lib/generated/prisma/enums";

// The fields of a user that alerts need: the acting-user shape (for presentNeed), the language,
// and the staff grants that decide whether a staff role still counts (lib/staff/effective-role.ts).
export const recipientSelect = {
  id: true,
  role: true,
  organisationId: true,
  isOrgAdmin: true,
  email: true,
  name: true,
  locale: true,
  staffGrants: { where: { revokedAt: null }, select: { role: true, validUntil: true } },
  brokerPortfolio: { select: { regions: true, chainIds: true } },
} as const;

/**
 * A recipient whose staff role was revoked or lapsed gets no alerts: they would be worded and
 * searched for a broker's view (e.g. BROKER_ONLY needs) that the user no longer has.
 */
export function recipientCanAct(user: { role: Role; staffGrants: { role: Role; validUntil: Date | null }[] }, now: Date = new Date()): boolean {
  if (!isStaffRole(user.role)) return true;
  return user.staffGrants.some((g) => g.role === user.role && (g.validUntil === null || g.validUntil > now));
}
