"use server";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { authorize } from "@/lib/policy";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createTokenSchema } from "@/lib/users/schemas";
import { parseInput } from "@/lib/validation/parse-input";

export async function createTokenAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["name"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "token.create");
    const parsed = parseInput(createTokenSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    const { token } = await createApiToken(actor, parsed.data.name);
    return { status: "success", data: { token } };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}
