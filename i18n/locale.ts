import { locales, type Locale } from "./routing";

export type { Locale };

/** The app's locale for a route segment or header value; anything unknown reads as Chinese. */
export function toLocale(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? "") ? (value as Locale) : "zh-CN";
}
