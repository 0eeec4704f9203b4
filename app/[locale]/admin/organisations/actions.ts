"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { requestIp } from "@/lib/http/request-ip";
import { toLocale } from "@/i18n/locale";
import { verifyOrganisationSchema } from "@/lib/orgs/schemas";
import { verifyOrganisation } from "@/lib/orgs/verify-organisation";
import { authorize } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";

// Platform admins only: authorized before the form is read; the service authorizes again.
export async function verifyOrganisationAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const [tf, t] = await Promise.all([getTranslations({ locale, namespace: "form" }), getTranslations({ locale, namespace: "orgs" })]);
  const values = formValues(formData, ["organisationId", "registrationCode"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "org.verify");
    const parsed = parseInput(verifyOrganisationSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: tf("fixErrors"), fields: parsed.fields, values };
    await verifyOrganisation(actor, parsed.data, await requestIp());
    revalidatePath(`/${locale}/admin/organisations`);
    return { status: "success", message: t("verified") };
  } catch (error) {
    return errorState(error, values, tf("error"));
  }
}
