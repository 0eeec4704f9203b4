"use server";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { authorize } from "@/lib/policy";
import { createResult } from "@/lib/results/create-result";
import { formFiles } from "@/lib/forms/form-files";
import { createResultSchema, RESULT_FORM_FIELDS } from "@/lib/results/schemas";
import { parseInput } from "@/lib/validation/parse-input";

export async function createResultAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const uiLocale = toLocale(locale);
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, RESULT_FORM_FIELDS);
  let id: string;
  try {
    const actor = await getCurrentActor();
    authorize(actor, "result.create");
    const input = { ...values, transferModes: formData.getAll("transferModes") };
    const parsed = parseInput(createResultSchema, input, uiLocale);
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    ({ id } = await createResult(actor, parsed.data, await formFiles(formData, "attachments")));
  } catch (error) {
    return errorState(error, values, t("error"));
  }
  redirect(`/${locale}/results/${id}`);
}
