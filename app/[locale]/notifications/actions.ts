"use server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { updateEmailDigest } from "@/lib/notifications/email-settings";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/read-notifications";
import { emailDigestSchema, notificationIdSchema } from "@/lib/notifications/schemas";
import { authorize } from "@/lib/policy";
import { deleteSavedSearch, saveSearch } from "@/lib/saved-searches/saved-searches";
import { saveSearchSchema } from "@/lib/saved-searches/schemas";
import { parseInput } from "@/lib/validation/parse-input";

// Every action authorizes inside itself; the services scope rows to the actor.

export async function markReadAction(locale: string, formData: FormData): Promise<void> {
  const actor = await getCurrentActor();
  authorize(actor, "notification.read");
  const parsed = parseInput(notificationIdSchema, formValues(formData, ["id"]), toLocale(locale));
  if (!parsed.ok) return;
  await markNotificationRead(actor, parsed.data.id);
  revalidatePath(`/${locale}`, "layout");
}

export async function markAllReadAction(locale: string): Promise<void> {
  const actor = await getCurrentActor();
  authorize(actor, "notification.read");
  await markAllNotificationsRead(actor);
  revalidatePath(`/${locale}`, "layout");
}

export async function updateEmailDigestAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["emailDigest"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "notification.settings");
    const parsed = parseInput(emailDigestSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await updateEmailDigest(actor, parsed.data);
    return { status: "success", values };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}

export async function saveSearchAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, ["name", "q", "type"]);
  try {
    const actor = await getCurrentActor();
    authorize(actor, "savedSearch.manage");
    const parsed = parseInput(saveSearchSchema, values, toLocale(locale));
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    await saveSearch(actor, parsed.data);
    return { status: "success", values };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}

export async function deleteSavedSearchAction(locale: string, formData: FormData): Promise<void> {
  const actor = await getCurrentActor();
  authorize(actor, "savedSearch.manage");
  const parsed = parseInput(notificationIdSchema, formValues(formData, ["id"]), toLocale(locale));
  if (!parsed.ok) return;
  await deleteSavedSearch(actor, parsed.data.id);
  revalidatePath(`/${locale}/notifications/settings`);
}
