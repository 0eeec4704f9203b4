import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/i18n/locale";
import { publicPageMetadata } from "@/lib/seo/public-metadata";
import type { InfoPageKey } from "./site-footer";

// The site's information pages (about, contact, terms, privacy): a title and paragraphs from
// messages/<locale>/pages.json, public, with the same metadata as the catalogue pages.
export async function infoPageMetadata(page: InfoPageKey, params: Promise<{ locale: string }>): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "pages" });
  const tApp = await getTranslations({ locale, namespace: "app" });
  return publicPageMetadata({ locale, path: `/${page}`, title: t(`${page}.title`), description: t(`${page}.p1`), siteName: tApp("name") });
}

export async function InfoPage({ page, params }: { page: InfoPageKey; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "pages" });
  return (
    <article className="max-w-3xl rounded-lg bg-white p-6 shadow-sm" data-testid={`info-${page}`}>
      <h1 className="text-2xl font-semibold">{t(`${page}.title`)}</h1>
      {(["p1", "p2", "p3"] as const).map((p) => (
        <p key={p} className="mt-4 leading-relaxed text-slate-700">
          {t(`${page}.${p}`)}
        </p>
      ))}
    </article>
  );
}
