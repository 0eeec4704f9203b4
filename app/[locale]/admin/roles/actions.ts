"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { requestIp } from "@/lib/http/request-ip";
import { toLocale } from "@/i18n/locale";
import { authorize } from "@/lib/policy";
import { grantStaffRoleSchema, revokeStaffRoleSchema } from "@/lib/staff/schemas";
import { grantStaffRole, revokeStaffRole } from "@/lib/staff/staff-grants";
import { parseInput } from "@/lib/validation/parse-input";

const GRANT_FIELDS = ["email", "role", "reason", "certificateNo", "certificateIssuer", "validUntil"] as const;

// Platform admins only: each action authorizes before it reads the form (a server action is a
// public endpoint); the services authorize again.
export async function grantStaffRoleAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const [tf, t] = await Promise.all([getTranslations({ locale, namespace: "form" }), getTranslations({ locale, namespace: "staff" })]);
  const values = formValues(formData, GRANT_FIELDS);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "staff.grant");
    const parsed = parseInput(grantStaffRoleSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: tf("fixErrors"), fields: parsed.fields, values };
    await grantStaffRole(actor, parsed.data, await requestIp());
    revalidatePath(`/${locale}/admin/roles`);
    return { status: "success", message: t("granted", { role: t(`role${parsed.data.role}`), email: parsed.data.email }) };
  } catch (error) {
    return errorState(error, values, tf("error"));
  }
}

export async function revokeStaffRoleAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const [tf, t] = await Promise.all([getTranslations({ locale, namespace: "form" }), getTranslations({ locale, namespace: "staff" })]);
  const values = formValues(formData, ["email", "reason"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "staff.revoke");
    const parsed = parseInput(revokeStaffRoleSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: tf("fixErrors"), fields: parsed.fields, values };
    await revokeStaffRole(actor, parsed.data, await requestIp());
    revalidatePath(`/${locale}/admin/roles`);
    return { status: "success", message: t("revoked", { email: parsed.data.email }) };
  } catch (error) {
    return errorState(error, values, tf("error"));
  }
}
