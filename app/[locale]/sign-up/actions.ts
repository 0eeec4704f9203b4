"use server";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { errorState, formValues, type FormState } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { signUpSchema } from "@/lib/users/schemas";
import { clientIpFrom } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { signUp } from "@/lib/users/sign-up";
import { parseInput } from "@/lib/validation/parse-input";

const FIELDS = ["name", "email", "role", "organisationName", "organisationKind", "registrationCode"] as const;

// Public by design (anyone may sign up). A new address and one that already has an account get
// the same answer (the service mails the account holder instead); a taken organisation name is
// refused for every address alike.
export async function signUpAction(locale: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const uiLocale = toLocale(locale);
  const t = await getTranslations({ locale, namespace: "form" });
  const values = formValues(formData, FIELDS);
  const input = { ...values, password: formData.get("password") ?? "", locale: uiLocale === "en" ? "en" : "zh" };
  const parsed = parseInput(signUpSchema, input, uiLocale);
  if (!parsed.ok) return { status: "error", message: t("fixErrors"), fields: parsed.fields, values };
  try {
    await consumeRateLimit("signUp", { ip: clientIpFrom(await headers()), account: parsed.data.email });
    await signUp(parsed.data);
    return { status: "success", data: { email: parsed.data.email } };
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") {
      const tl = await getTranslations({ locale, namespace: "limits" });
      return { status: "error", message: tl("rateLimitedIn", { seconds: error.retryAfterSeconds ?? 60 }), values };
    }
    return errorState(error, values, t("error"));
  }
}
