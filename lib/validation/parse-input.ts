import { z } from "zod";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/i18n/routing";
import { AppError, type FieldErrors, type FieldIssues, type RawIssue } from "@/lib/errors";
import zhValidation from "@/messages/zh-CN/validation.json";
import enValidation from "@/messages/en/validation.json";

// Invalid input, in one place. Services and route handlers parse with `parseOrThrow` (no
// language: a VALIDATION AppError with the raw issues); the edge (action client, API, pages)
// words issues and field keys in the reader's language with `wordIssues` / `wordFieldIssues`.
// Schema messages are validation keys ("v.required" = messages/<locale>/validation.json
// `required`); other issues get plain words by code, then zod's own locale.

const zodLocales = { "zh-CN": z.locales.zhCN().localeError, en: z.locales.en().localeError };
const validationTranslators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: { validation: zhValidation }, namespace: "validation" }),
  en: createTranslator({ locale: "en", messages: { validation: enValidation }, namespace: "validation" }),
};

/** A validation key ("v.required") with its params in the reader's language. */
export function wordValidationKey(key: string, locale: Locale, params?: Record<string, string | number>): string {
  const t = validationTranslators[locale] as unknown as { (k: string, p?: object): string; has: (k: string) => boolean };
  const name = key.startsWith("v.") ? key.slice(2) : key;
  return t.has(name) ? t(name, params) : key;
}

function wordIssue(issue: RawIssue, locale: Locale): string {
  if (issue.message.startsWith("v.")) return wordValidationKey(issue.message, locale);
  const origin = issue.origin as string | undefined;
  const limit = { minimum: Number(issue.minimum), maximum: Number(issue.maximum) };
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)) return wordValidationKey("v.required", locale);
  if (issue.code === "too_small" && origin === "string")
    return wordValidationKey(limit.minimum === 1 ? "v.required" : "v.tooShort", locale, { minimum: limit.minimum });
  if (issue.code === "too_big" && origin === "string") return wordValidationKey("v.tooLong", locale, { maximum: limit.maximum });
  if (issue.code === "too_small" && origin === "array") return wordValidationKey("v.tooFewItems", locale, { minimum: limit.minimum });
  if (issue.code === "too_big" && origin === "array") return wordValidationKey("v.tooManyItems", locale, { maximum: limit.maximum });
  if (issue.code === "too_small" && (origin === "number" || origin === "int")) return wordValidationKey("v.tooSmall", locale, { minimum: limit.minimum });
  if (issue.code === "too_big" && (origin === "number" || origin === "int")) return wordValidationKey("v.tooBig", locale, { maximum: limit.maximum });
  if (issue.code === "invalid_value") return wordValidationKey("v.invalidOption", locale);
  const worded = zodLocales[locale](issue as never);
  return typeof worded === "string" ? worded : (worded?.message ?? issue.message);
}

/** Zod issues as { "field.path": ["message in the reader's language"] }. */
export function wordIssues(issues: readonly RawIssue[], locale: Locale): FieldErrors {
  const fields: FieldErrors = {};
  const push = (key: string, message: string) => (fields[key] ??= []).push(message);
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys as string[]) push(key, wordValidationKey("v.unknownField", locale));
      continue;
    }
    push(issue.path.map(String).join(".") || "_", wordIssue(issue, locale));
  }
  return fields;
}

/** Field keys ("v.required" or { key, params }) in the reader's language. */
export function wordFieldIssues(fields: FieldIssues, locale: Locale): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([field, issues]) => [
      field,
      issues.map((i) => (typeof i === "string" ? wordValidationKey(i, locale) : wordValidationKey(i.key, locale, i.params))),
    ]),
  );
}

export type Checked<T> = { ok: true; data: T } | { ok: false; issues: RawIssue[] };

/** Parses without wording: the raw issues (with their input, for wording) on failure. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: result.error.issues as unknown as RawIssue[] };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors };

/** For the edge (actions, CLI): parses and words the field errors in the reader's language. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): Parsed<z.output<S>> {
  const checked = checkInput(schema, input);
  return checked.ok ? checked : { ok: false, fields: wordIssues(checked.issues, locale) };
}

/** For services and route handlers: invalid input becomes one VALIDATION AppError, worded at the edge. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = checkInput(schema, input);
  if (checked.ok) return checked.data;
  throw new AppError("VALIDATION", { key: "invalidFields", issues: checked.issues });
}
