import type { UiLocale } from "@/lib/validation/parse-input";

export function toUiLocale(locale: string): UiLocale {
  return locale === "en" ? "en" : "zh-CN";
}

export function toLang(locale: string): "zh" | "en" {
  return locale === "en" ? "en" : "zh";
}
