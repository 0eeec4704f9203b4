"use server";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { unauthenticated } from "@/lib/errors";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { RESULT_FORM_FIELDS, updateResultSchema } from "@/lib/results/schemas";
import { updateResult } from "@/lib/results/update-result";
import { parseInput } from "@/lib/validation/parse-input";

// The result's organisation edits it with the create form and schema (updateResult authorizes
// against the database: anyone else gets "not found").
export async function updateResultAction(locale: string, resultId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const uiLocale = toLocale(locale);
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, [...RESULT_FORM_FIELDS, "version"]);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const input = { ...values, transferModes: formData.getAll("transferModes") };
    const parsed = parseInput(updateResultSchema, input, uiLocale);
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await updateResult(actor, resultId, parsed.data);
  } catch (error) {
    return errorState(error, values, t("error"));
  }
  redirect(`/${locale}/results/${resultId}`);
}
