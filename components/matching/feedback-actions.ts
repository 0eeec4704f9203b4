"use server";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { submitMatchFeedback } from "@/lib/feedback/match-feedback";
import { matchFeedbackSchema } from "@/lib/feedback/schemas";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toUiLocale } from "@/lib/i18n-locale";
import { authorize } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";

export async function matchFeedbackAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["needId", "resultId", "useful", "reason"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "match.feedback");
    const parsed = parseInput(matchFeedbackSchema, values, toUiLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await submitMatchFeedback(actor, parsed.data);
    return { status: "success", values };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}
