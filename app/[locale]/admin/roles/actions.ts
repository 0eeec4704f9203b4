"use server";
import { memberAction } from "@/lib/actions/action-client";
import { requestIp } from "@/lib/http/request-ip";
import { grantStaffRoleSchema, revokeStaffRoleSchema } from "@/lib/staff/schemas";
import { grantStaffRole, revokeStaffRole } from "@/lib/staff/staff-grants";

// Platform admins only: authorized before the form is read; the services authorize again.
export const grantStaffRoleAction = memberAction
  .schema(grantStaffRoleSchema)
  .authorize("staff.grant")
  .revalidate("/admin/roles")
  .success(({ input, t }) => t("staff.granted", { role: t(`staff.role${input.role}`), email: input.email }))
  .action(async ({ actor, input }) => {
    await grantStaffRole(actor, input, await requestIp());
  });

export const revokeStaffRoleAction = memberAction
  .schema(revokeStaffRoleSchema)
  .authorize("staff.revoke")
  .revalidate("/admin/roles")
  .success(({ input, t }) => t("staff.revoked", { email: input.email }))
  .action(async ({ actor, input }) => {
    await revokeStaffRole(actor, input, await requestIp());
  });
