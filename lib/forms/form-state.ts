import { getLocale, getTranslations } from "next-intl/server";
import { isAppError, type AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { logger } from "@/lib/logger";

// What a server action returns to its form (useActionState). Values are echoed back so that
// nothing the user typed is lost on a validation error.
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fields?: FieldErrors;
  values?: Record<string, string>;
  data?: Record<string, string>;
};

export const idleState: FormState = { status: "idle" };

export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const all = formData.getAll(name).filter((v): v is string => typeof v === "string");
    values[name] = all.join(",");
  }
  return values;
}

// Errors whose service message is generic English ("Sign in first"): the form shows the
// user's language instead. Other known errors (conflicts, validation) keep their own message.
const LOCALISED_CODES: readonly ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"];

/** The message a user sees for a known (< 500) AppError, in the request's language where generic. */
export async function userMessageOf(error: AppError): Promise<string> {
  if (!LOCALISED_CODES.includes(error.code)) return error.message;
  const t = await getTranslations({ locale: await getLocale(), namespace: "form.errors" });
  return t(error.code, { seconds: error.retryAfterSeconds ?? 60 });
}

// Known errors keep their safe message and field errors; anything else is logged, not shown.
export async function errorState(error: unknown, values: Record<string, string>, fallbackMessage: string): Promise<FormState> {
  if (isAppError(error) && error.status < 500) {
    return { status: "error", message: await userMessageOf(error), fields: error.fields, values };
  }
  logger.error({ err: error }, "form action failed");
  return { status: "error", message: fallbackMessage, values };
}
