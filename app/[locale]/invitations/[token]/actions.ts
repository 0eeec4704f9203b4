"use server";
import { getTranslations } from "next-intl/server";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { acceptInvitationSchema } from "@/lib/users/schemas";
import { parseInput } from "@/lib/validation/parse-input";

// Public by design: the unguessable token in the link is the credential.
export async function acceptInvitationAction(locale: string, token: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["name"]);
  const parsed = parseInput(acceptInvitationSchema, { ...values, password: formData.get("password") ?? "" }, toLocale(locale));
  if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
  try {
    const { email } = await acceptInvitation(token, parsed.data);
    return { status: "success", data: { email } };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}
