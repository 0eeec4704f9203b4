"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { postAccessMessage } from "@/lib/access/access-thread";
import { decideAccess } from "@/lib/access/decide-access";
import { requestAccess } from "@/lib/access/request-access";
import { revokeAccess } from "@/lib/access/revoke-access";
import { decideAccessSchema, postMessageSchema, requestAccessSchema, revokeAccessSchema } from "@/lib/access/schemas";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { isAppError, unauthenticated } from "@/lib/errors";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { clientIpFrom } from "@/lib/http/client-ip";
import { toLocale } from "@/i18n/locale";
import type { Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse-input";

// Server actions are public endpoints: each one finds the acting user itself and the service it
// calls authorizes (lib/policy) against the database. On success the page is re-rendered from
// the server by redirecting to it.

type Run = (actor: Actor, ip: string | null) => Promise<unknown>;

async function act(
  locale: string,
  formData: FormData,
  names: string[],
  schemaRun: (values: Record<string, string>) => { fields?: Record<string, string[]>; run?: Run },
  next: string,
): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, names);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const { fields, run } = schemaRun(values);
    if (fields || !run) return { status: "error", message: t("fixErrors"), fields, values };
    await run(actor, clientIpFrom(await headers()));
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") {
      const tl = await getTranslations({ locale, namespace: "limits" });
      return { status: "error", message: tl("rateLimitedIn", { seconds: error.retryAfterSeconds ?? 60 }), values };
    }
    return errorState(error, values, t("error"));
  }
  redirect(`/${locale}${next}`);
}

export async function requestAccessAction(locale: string, needId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(
    locale,
    formData,
    ["ndaVersion", "acceptNda", "message"],
    (values) => {
      const parsed = parseInput(requestAccessSchema, values.acceptNda ? values : { ...values, acceptNda: undefined }, toLocale(locale));
      return parsed.ok ? { run: (actor, ip) => requestAccess(actor, needId, parsed.data, { ip }) } : { fields: parsed.fields };
    },
    `/needs/${needId}/access`,
  );
}

export async function decideAccessAction(locale: string, needId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(
    locale,
    formData,
    ["decision", "reasonCode", "days"],
    (values) => {
      const parsed = parseInput(decideAccessSchema, values, toLocale(locale));
      return parsed.ok ? { run: (actor, ip) => decideAccess(actor, requestId, parsed.data, { ip }) } : { fields: parsed.fields };
    },
    `/needs/${needId}/requests`,
  );
}

export async function revokeAccessAction(locale: string, needId: string, requestId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(
    locale,
    formData,
    ["reasonCode"],
    (values) => {
      const parsed = parseInput(revokeAccessSchema, values, toLocale(locale));
      return parsed.ok ? { run: (actor, ip) => revokeAccess(actor, requestId, parsed.data, { ip }) } : { fields: parsed.fields };
    },
    `/needs/${needId}/requests`,
  );
}

export async function postMessageAction(
  locale: string,
  needId: string,
  requestId: string,
  back: "access" | "requests",
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return act(
    locale,
    formData,
    ["body"],
    (values) => {
      const parsed = parseInput(postMessageSchema, values, toLocale(locale));
      return parsed.ok ? { run: (actor, ip) => postAccessMessage(actor, requestId, parsed.data, { ip }) } : { fields: parsed.fields };
    },
    back === "access" ? `/needs/${needId}/access` : `/needs/${needId}/requests/${requestId}`,
  );
}
