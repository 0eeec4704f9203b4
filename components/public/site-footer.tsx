import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export const INFO_PAGES = ["about", "contact", "terms", "privacy"] as const;
export type InfoPageKey = (typeof INFO_PAGES)[number];

// The footer of every page (public or not): the catalogue and the site's information pages.
export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "footer" });
  const tNav = await getTranslations({ locale, namespace: "nav" });
  const tApp = await getTranslations({ locale, namespace: "app" });
  const link = "hover:text-brand-700 hover:underline";
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white" data-testid="site-footer">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 text-sm text-slate-600 sm:grid-cols-3">
        <div>
          <p className="font-semibold text-brand-700">{tApp("name")}</p>
          <p className="mt-1">{tApp("tagline")}</p>
        </div>
        <nav aria-label={t("catalogue")}>
          <ul className="space-y-1">
            <li>
              <Link href="/needs" className={link}>
                {tNav("needs")}
              </Link>
            </li>
            <li>
              <Link href="/results" className={link}>
                {tNav("results")}
              </Link>
            </li>
            <li>
              <Link href="/search" className={link}>
                {tNav("search")}
              </Link>
            </li>
          </ul>
        </nav>
        <nav aria-label={t("site")}>
          <ul className="space-y-1">
            {INFO_PAGES.map((p) => (
              <li key={p}>
                <Link href={`/${p}`} className={link}>
                  {t(p)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
