"use server";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { saveMyExpertise } from "@/lib/expertise/expertise-profile";
import { expertiseSchema } from "@/lib/expertise/schemas";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toUiLocale } from "@/lib/i18n-locale";
import { authorize } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";

export async function saveExpertiseAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["fields", "methods", "equipment", "pastProjects"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "expertise.update");
    const parsed = parseInput(expertiseSchema, values, toUiLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await saveMyExpertise(actor, parsed.data);
    return { status: "success", values };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}
