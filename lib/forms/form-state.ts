import { isAppError, type FieldErrors } from "@/lib/errors";
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

// Known errors keep their safe message and field errors; anything else is logged, not shown.
export function errorState(error: unknown, values: Record<string, string>, fallbackMessage: string): FormState {
  if (isAppError(error) && error.status < 500) {
    return { status: "error", message: error.message, fields: error.fields, values };
  }
  logger.error({ err: error }, "form action failed");
  return { status: "error", message: fallbackMessage, values };
}
