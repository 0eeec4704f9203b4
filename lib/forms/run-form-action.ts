import "server-only";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { unauthenticated } from "@/lib/errors";
import { toLocale } from "@/i18n/locale";
import type { Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";
import type { Locale } from "@/i18n/routing";
import { errorState, type FormState } from "./form-state";

// The shape of most server actions: read the signed-in actor, parse the form with the shared
// schema, call the service (which authorizes), refresh the page. Errors become FormState with
// the service's safe message (e.g. a 409 conflict message) and the user's input echoed back.
export async function runFormAction<S extends z.ZodType>(
  locale: string,
  input: Record<string, unknown>,
  schema: S,
  run: (actor: Actor, data: z.output<S>, uiLocale: Locale) => Promise<string | void>,
  options: { revalidate?: string; successMessage?: string } = {},
): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v ?? "")]));
  const uiLocale = toLocale(locale);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const parsed = parseInput(schema, input, uiLocale);
    if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
    const message = await run(actor, parsed.data, uiLocale);
    if (options.revalidate) revalidatePath(`/${locale}${options.revalidate}`);
    return { status: "success", message: message ?? options.successMessage };
  } catch (error) {
    return errorState(error, values, t("error"));
  }
}

export function text(formData: FormData, name: string): string | undefined {
  const v = formData.get(name);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}
