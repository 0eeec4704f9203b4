import type { OrgKind, Role } from "@/lib/generated/prisma/enums";

// Staff roles act for the platform and come only from a platform admin's grant (StaffRoleGrant).
// Member roles come from sign-up or an organisation's invitation and must fit its kind.
export const STAFF_ROLES = ["BROKER", "ADMIN", "ANALYST"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const MEMBER_ROLES = ["COMPANY", "RESEARCHER"] as const satisfies readonly Role[];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const isStaffRole = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role);

/**
 * The member roles an organisation of this kind may give its people (sign-up and invitations).
 * Officers of a tech-transfer office are researchers / transfer staff: brokers are accredited by
 * the platform, never made by an organisation. Government bodies get no self-service members:
 * their people use the platform as analysts or admins, granted by a platform admin.
 */
export const MEMBER_ROLES_BY_KIND: Record<OrgKind, readonly MemberRole[]> = {
  COMPANY: ["COMPANY"],
  UNIVERSITY: ["RESEARCHER"],
  TTO: ["RESEARCHER"],
  GOVERNMENT: [],
};

export const memberRoleFits = (kind: OrgKind, role: Role): boolean => (MEMBER_ROLES_BY_KIND[kind] as readonly Role[]).includes(role);
