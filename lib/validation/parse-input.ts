import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { AppError } from "@/lib/errors";
import { translateValidationKey } from "./messages";
import { plainLocaleError } from "./plain-words";

export type UiLocale = "zh-CN" | "en";

const localeErrors = { "zh-CN": plainLocaleError("zh-CN"), en: plainLocaleError("en") };

// Flattens zod issues to { "field.path": ["message in the user's language"] }. Schema-level
// messages are keys ("v.xxx") translated here; everything else uses zod's own locale.
export function fieldErrorsOf(error: z.ZodError, locale: UiLocale): FieldErrors {
  const fields: FieldErrors = {};
  const push = (key: string, message: string) => (fields[key] ??= []).push(message);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) push(key, translateValidationKey("v.unknownField", locale));
      continue;
    }
    const key = issue.path.map(String).join(".") || "_";
    push(key, issue.message.startsWith("v.") ? translateValidationKey(issue.message, locale) : issue.message);
  }
  return fields;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: UiLocale): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { error: localeErrors[locale] });
  return result.success ? { ok: true, data: result.data } : { ok: false, fields: fieldErrorsOf(result.error, locale) };
}

// For services and route handlers: invalid input becomes one AppError with every field error.
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, locale: UiLocale): z.output<S> {
  const parsed = parseInput(schema, input, locale);
  if (parsed.ok) return parsed.data;
  const message = locale === "en" ? "Some fields are invalid" : "部分字段有误";
  throw new AppError("VALIDATION", message, { fields: parsed.fields });
}
