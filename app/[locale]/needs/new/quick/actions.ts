"use server";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { createNeed } from "@/lib/needs/create-need";
import { createNeedSchema } from "@/lib/needs/schemas";
import { authorize } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";

// Form fields; the confidential settings are sent only when the form shows them.
const NEED_FORM_FIELDS = [
  "title",
  "description",
  "field",
  "keywords",
  "visibility",
  "teaser",
  "trlTarget",
  "budgetMinCny",
  "budgetMaxCny",
  "region",
  "chainNodeId",
  "accessDays",
  "ndaText",
] as const;
const FIELDS = NEED_FORM_FIELDS;

export async function createNeedAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const uiLocale = toLocale(locale);
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, [...FIELDS, "collaborationModes", "teaserFields"]);
  let id: string;
  try {
    const actor = await getCurrentActor();
    authorize(actor, "need.create");
    const input = {
      ...Object.fromEntries(FIELDS.map((k) => [k, values[k]])),
      collaborationModes: formData.getAll("collaborationModes"),
      teaserFields: formData.getAll("teaserFields"),
    };
    const parsed = parseInput(createNeedSchema, input, uiLocale);
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    ({ id } = await createNeed(actor, parsed.data));
  } catch (error) {
    return errorState(error, values, t("error"));
  }
  redirect(`/${locale}/needs/${id}`);
}
