import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { isAppError } from "@/lib/errors";
import { wordError, wordFields } from "@/lib/errors-edge";
import type { FormState } from "@/lib/forms/form-state";
import { logger } from "@/lib/logger";

// An action's failure as its form shows it: a known (< 500) AppError in the reader's language
// with its field errors; anything else is logged with its detail and shown as a generic error.
export async function actionErrorState(error: unknown, values: Record<string, string>, locale: Locale): Promise<FormState<never>> {
  if (isAppError(error) && error.status < 500) {
    return {
      status: "error",
      message: wordError(error, locale),
      fields: wordFields(error, locale),
      values,
      error: { code: error.code, ...(error.key ? { key: error.key } : {}) },
    };
  }
  logger.error({ err: error }, "server action failed");
  const t = await getTranslations({ locale, namespace: "form" });
  return { status: "error", message: t("error"), values };
}
