import { getLocale } from "next-intl/server";
import { toLocale } from "@/i18n/locale";
import { isAppError, type AppError, type FieldErrors } from "@/lib/errors";
import { wordError, wordFields } from "@/lib/errors-edge";
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

/** The message a user sees for a known (< 500) AppError, in the request's language. */
export async function userMessageOf(error: AppError): Promise<string> {
  return wordError(error, toLocale(await getLocale()));
}

/** A known AppError's field problems, worded in the request's language. */
export async function userFieldsOf(error: AppError): Promise<FieldErrors | undefined> {
  return wordFields(error, toLocale(await getLocale()));
}

// Known errors keep their safe message and field errors; anything else is logged, not shown.
export async function errorState(error: unknown, values: Record<string, string>, fallbackMessage: string): Promise<FormState> {
  if (isAppError(error) && error.status < 500) {
    const locale = toLocale(await getLocale());
    return { status: "error", message: wordError(error, locale), fields: wordFields(error, locale), values };
  }
  logger.error({ err: error }, "form action failed");
  return { status: "error", message: fallbackMessage, values };
}
