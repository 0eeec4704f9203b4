"use server";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { invitationOptionsFor, inviteMember } from "@/lib/orgs/invite-member";
import { authorize } from "@/lib/policy";
import { inviteMemberSchemaFor } from "@/lib/users/schemas";
import { parseInput } from "@/lib/validation/parse-input";

export async function inviteMemberAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["email", "role"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "org.invite");
    // The role posted is checked against the organisation's kind: a hand-made BROKER is a field error.
    const { kind } = await invitationOptionsFor(actor);
    const parsed = parseInput(inviteMemberSchemaFor(kind), values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await inviteMember(actor, parsed.data, toLocale(locale));
    return { status: "success", data: { email: parsed.data.email } };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}
