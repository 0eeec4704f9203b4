import "server-only";
// use-intl/core, not next-intl: the worker runs under the react-server condition without a bundler,
// where next-intl's entry pulls in React hooks that do not exist there.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/i18n/load-messages";
import type { Locale } from "@/i18n/routing";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Words a message key in a given language anywhere (request, worker, CLI): keys are full paths. */
export async function translatorFor(locale: Locale): Promise<Translate & { has: (key: string) => boolean }> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" });
  const translate = ((key: string, params?: Record<string, string | number>) => (t as unknown as Translate)(key, params)) as Translate & {
    has: (key: string) => boolean;
  };
  translate.has = (key: string) => (t as unknown as { has: (k: string) => boolean }).has(key);
  return translate;
}

/** The app locale of a user's stored language (User.locale: zh | en). */
export const localeOfUser = (lang: "zh" | "en"): Locale => (lang === "en" ? "en" : "zh-CN");
