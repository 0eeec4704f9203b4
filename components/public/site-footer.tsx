import { getTranslations } from "next-intl/server";
import { FooterLinks } from "./footer-links";

export const INFO_PAGES = ["about", "contact", "terms", "privacy"] as const;
export type InfoPageKey = (typeof INFO_PAGES)[number];

// The footer of every page (public or not): the catalogue and the site's information pages.
export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "footer" });
  const tNav = await getTranslations({ locale, namespace: "nav" });
  const tApp = await getTranslations({ locale, namespace: "app" });
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white" data-testid="site-footer">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 text-sm text-slate-600 sm:grid-cols-3">
        <div>
          <p className="font-semibold text-brand-700">{tApp("name")}</p>
          <p className="mt-1">{tApp("tagline")}</p>
        </div>
        <nav aria-label={t("catalogue")}>
          <FooterLinks
            links={[
              ["/needs", tNav("needs")],
              ["/results", tNav("results")],
              ["/search", tNav("search")],
            ]}
          />
        </nav>
        <nav aria-label={t("site")}>
          <FooterLinks links={INFO_PAGES.map((p) => [`/${p}`, t(p)])} />
        </nav>
      </div>
    </footer>
  );
}
