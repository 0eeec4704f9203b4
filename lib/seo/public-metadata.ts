import type { Metadata } from "next";
import { locales, routing, type Locale } from "@/i18n/routing";

// Metadata of a public page (Next metadata API): canonical URL, hreflang alternates for every
// locale (x-default: the default locale) and Open Graph tags. `path` is the page's path without
// the locale ("/needs/abc"); URLs are resolved against the layout's metadataBase. Pure.
const OG_LOCALE: Record<Locale, string> = { "zh-CN": "zh_CN", en: "en_US" };

export function localizedPath(locale: Locale, path: string): string {
  return `/${locale}${path === "/" ? "" : path}`;
}

export function hreflangAlternates(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of locales) out[l] = localizedPath(l, path);
  out["x-default"] = localizedPath(routing.defaultLocale, path);
  return out;
}

export function publicPageMetadata(input: {
  locale: Locale;
  path: string;
  title: string;
  description: string;
  siteName: string;
  type?: "website" | "article";
}): Metadata {
  const url = localizedPath(input.locale, input.path);
  const description = clip(input.description, 180);
  return {
    title: input.title,
    description,
    alternates: { canonical: url, languages: hreflangAlternates(input.path) },
    openGraph: {
      type: input.type ?? "website",
      title: input.title,
      description,
      url,
      siteName: input.siteName,
      locale: OG_LOCALE[input.locale],
      alternateLocale: locales.filter((l) => l !== input.locale).map((l) => OG_LOCALE[l]),
    },
  };
}

/** One line of plain text for a description: Markdown marks and runs of space removed. */
export function clip(text: string, max: number): string {
  const plain = text
    .replace(/[#*_`>[\]()!|~-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
