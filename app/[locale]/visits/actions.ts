"use server";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { visitSchema } from "@/lib/needs/schemas";
import { authorize } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";
import { createVisit } from "@/lib/visits/create-visit";

const FIELDS = ["organisationId", "visitedOn", "peopleMet", "notes"] as const;

export async function createVisitAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, FIELDS);
  let id: string;
  try {
    const actor = await getCurrentActor();
    authorize(actor, "visit.create");
    const parsed = parseInput(visitSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    ({ id } = await createVisit(actor, parsed.data));
  } catch (error) {
    return errorState(error, values, t("error"));
  }
  // Straight on to drafting the first need of this visit.
  redirect(`/${locale}/needs/new?visit=${id}`);
}
