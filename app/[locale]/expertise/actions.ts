"use server";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toUiLocale } from "@/lib/i18n-locale";
import { authorize } from "@/lib/policy";
import { saveMyExpertise } from "@/lib/results/expertise";
import { expertiseSchema } from "@/lib/results/schemas";
import { parseInput } from "@/lib/validation/parse-input";

const FIELDS = ["fields", "methods", "equipment", "pastProjects"] as const;

export async function saveExpertiseAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "expertise" });
  const tf = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, FIELDS);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "expertise.edit");
    const parsed = parseInput(expertiseSchema, values, toUiLocale(locale));
    if (!parsed.ok) return { status: "error", message: tf("fixErrors"), fields: parsed.fields, values };
    await saveMyExpertise(actor, parsed.data);
    return { status: "success", message: t("saved"), values };
  } catch (error) {
    return errorState(error, values, tf("error"));
  }
}
