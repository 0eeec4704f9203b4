"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { unauthenticated } from "@/lib/errors";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { clientIpFrom } from "@/lib/http/client-ip";
import { toLocale } from "@/i18n/locale";
import { updateNeedSchema } from "@/lib/needs/schemas";
import { updateNeed } from "@/lib/needs/update-need";
import { parseInput } from "@/lib/validation/parse-input";

const FIELDS = [
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
  "accessDays",
  "ndaText",
] as const;

// Editing a need, including its confidentiality level and teaser: the owner's company only
// (updateNeed authorizes against the database). A level change is audited and leaves the
// search index before this action returns.
export async function updateNeedAction(locale: string, needId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const uiLocale = toLocale(locale);
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, [...FIELDS, "teaserFields"]);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    // Blank optional inputs mean "leave as is"; the teaser fields are a complete set.
    const input = { ...Object.fromEntries(FIELDS.map((k) => [k, values[k] === "" ? undefined : values[k]])), teaserFields: formData.getAll("teaserFields") };
    const parsed = parseInput(updateNeedSchema, input, uiLocale);
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await updateNeed(actor, needId, parsed.data, { ip: clientIpFrom(await headers()) });
  } catch (error) {
    return errorState(error, values, t("error"));
  }
  redirect(`/${locale}/needs/${needId}`);
}
