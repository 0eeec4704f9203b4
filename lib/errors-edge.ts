import { createTranslator } from "use-intl/core";
import type { Locale } from "@/i18n/routing";
import { wordFieldIssues, wordIssues } from "@/lib/validation/parse-input";
import zhErrors from "@/messages/zh-CN/errors.json";
import enErrors from "@/messages/en/errors.json";
import type { AppError, FieldErrors } from "./errors";

// The edge words errors: pages, actions (lib/actions/action-error.ts), the REST API
// (lib/api/respond.ts) and mail choose the reader's language here, nowhere else. Synchronous
// (the errors namespace is bundled), so it works the same in a request, the worker and a test.

type T = { (key: string, params?: object): string; has: (key: string) => boolean };
const translators: Record<Locale, T> = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: { errors: zhErrors }, namespace: "errors" }) as unknown as T,
  en: createTranslator({ locale: "en", messages: { errors: enErrors }, namespace: "errors" }) as unknown as T,
};

/** A known error in the reader's language: its key (messages/<locale>/errors.json), else its code's generic words. */
export function wordError(error: AppError, locale: Locale): string {
  const t = translators[locale];
  const params = { seconds: error.retryAfterSeconds ?? 60, ...error.params };
  if (error.key && t.has(error.key)) return t(error.key, params);
  const first = error.fields && Object.values(error.fields)[0]?.[0];
  if (!error.key && first) return wordFieldIssues({ _: [first] }, locale)._![0]!;
  return t(`code.${error.code}`, params);
}

/** An error's field problems (keys and raw zod issues) in the reader's language, or undefined. */
export function wordFields(error: AppError, locale: Locale): FieldErrors | undefined {
  if (!error.fields && !error.issues) return undefined;
  const fields = error.issues ? wordIssues(error.issues, locale) : {};
  for (const [name, messages] of Object.entries(error.fields ? wordFieldIssues(error.fields, locale) : {})) (fields[name] ??= []).push(...messages);
  return fields;
}
