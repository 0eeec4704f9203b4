import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import type { AppError, ErrorCode } from "./errors";

// Codes whose generic wording is enough when a service gave no key.
const GENERIC_CODES: readonly ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"];

/** A known error in the reader's language: its key (errors.json), else its code's generic words. */
export async function wordError(error: AppError, locale: Locale): Promise<string> {
  if (error.key) {
    const t = await getTranslations({ locale, namespace: "errors" });
    if (t.has(error.key)) return t(error.key, { seconds: error.retryAfterSeconds ?? 60, ...error.params });
  }
  if (error.key || GENERIC_CODES.includes(error.code)) {
    const t = await getTranslations({ locale, namespace: "form.errors" });
    if (t.has(error.code)) return t(error.code, { seconds: error.retryAfterSeconds ?? 60 });
  }
  return error.message; // legacy worded message, until every service throws keys (issue 12)
}
