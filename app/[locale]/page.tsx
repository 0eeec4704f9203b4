import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Building2, FlaskConical, Handshake } from "lucide-react";
import { Link } from "@/i18n/navigation";
import { toLocale } from "@/i18n/locale";
import { catalogViewer } from "@/lib/auth/require-actor";
import { getHomeCatalogue } from "@/lib/catalog/home-catalogue";
import { publicPageMetadata } from "@/lib/seo/public-metadata";
import { NeedCard } from "@/components/needs/need-card";
import { ResultCard } from "@/components/results/result-card";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = toLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "app" });
  const th = await getTranslations({ locale, namespace: "home" });
  return publicPageMetadata({ locale, path: "/", title: t("name"), description: th("lead"), siteName: t("name") });
}

const ROLES = [
  { key: "company", Icon: Building2 },
  { key: "researcher", Icon: FlaskConical },
  { key: "broker", Icon: Handshake },
] as const;

// The front door: what is there (live counts, the newest needs and results, the industry chains
// with their open needs) and how it works for each role. Anonymous visitors see the public
// catalogue; every row and number passes the viewer's policy scopes (lib/catalog/home-catalogue.ts).
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await catalogViewer();
  const home = await getHomeCatalogue(actor);
  const t = await getTranslations({ locale, namespace: "home" });
  const tn = await getTranslations({ locale, namespace: "need" });
  const stats = [
    ["needs", home.counts.needs, "/needs"],
    ["results", home.counts.results, "/results"],
    ["chains", home.counts.chains, "/needs"],
  ] as const;
  return (
    <div className="space-y-12">
      <section>
        <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-4 max-w-3xl text-base text-slate-700 sm:text-lg">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/needs/new" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("ctaNeed")}
          </Link>
          <Link href="/needs" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
            {t("ctaBrowse")}
          </Link>
          <Link href="/search" className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50">
            {t("ctaSearch")}
          </Link>
        </div>
        <dl className="mt-8 grid grid-cols-3 gap-3 sm:max-w-xl" data-testid="live-counts">
          {stats.map(([key, n, href]) => (
            <div key={key} className="rounded-lg bg-white p-3 text-center shadow-sm">
              <dt className="text-xs text-slate-600 sm:text-sm">{t(`counts.${key}`)}</dt>
              <dd className="text-2xl font-semibold text-brand-700" data-testid={`count-${key}`}>
                <Link href={href}>{n}</Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid gap-8 md:grid-cols-2">
        <NewestList id="newest-needs" title={t("newestNeeds")} all={t("all")} href="/needs" empty={tn("empty")}>
          {home.newestNeeds.map((n) => (
            <NeedCard key={n.id} need={n} hiddenOrgLabel={tn("hiddenOrg")} />
          ))}
        </NewestList>
        <NewestList id="newest-results" title={t("newestResults")} all={t("all")} href="/results" empty={t("noResults")}>
          {home.newestResults.map((r) => (
            <ResultCard key={r.id} result={r} />
          ))}
        </NewestList>
      </div>

      {home.chains.length > 0 && (
        <section aria-labelledby="chains">
          <h2 id="chains" className="mb-3 text-xl font-semibold">
            {t("chains")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="chains">
            {home.chains.map((c) => (
              <li key={c.id}>
                <Link
                  href={{ pathname: "/needs", query: { chain: c.id } }}
                  className="flex items-center justify-between rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50"
                >
                  <span className="font-medium text-slate-800">{locale === "en" ? c.nameEn : c.nameZh}</span>
                  <span className="text-sm text-brand-700">{t("openNeeds", { n: c.openNeeds })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="how-it-works">
        <h2 id="how-it-works" className="mb-3 text-xl font-semibold">
          {t("howItWorks")}
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {ROLES.map(({ key, Icon }) => (
            <div key={key} className="rounded-lg bg-white p-5 shadow-sm" data-testid={`how-${key}`}>
              <h3 className="flex items-center gap-2 text-lg font-semibold text-brand-700">
                <Icon aria-hidden className="h-5 w-5" />
                {t(`roles.${key}.title`)}
              </h3>
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {(["step1", "step2", "step3"] as const).map((s) => (
                  <li key={s}>{t(`roles.${key}.${s}`)}</li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </section>

      <section className="grid gap-4 sm:grid-cols-3">
        {(
          [
            ["cantSay", "cantSayText"],
            ["wontSay", "wontSayText"],
            ["cantReach", "cantReachText"],
          ] as const
        ).map(([title, text]) => (
          <div key={title} className="rounded-lg bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold text-brand-700">{t(title)}</h2>
            <p className="mt-2 text-sm text-slate-700">{t(text)}</p>
          </div>
        ))}
      </section>
    </div>
  );
}

function NewestList({
  id,
  title,
  all,
  href,
  empty,
  children,
}: {
  id: string;
  title: string;
  all: string;
  href: string;
  empty: string;
  children: React.ReactNode[];
}) {
  return (
    <section aria-labelledby={id}>
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        <Link href={href} className="text-sm text-brand-700 underline">
          {all}
        </Link>
      </div>
      {children.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-3" data-testid={id}>
          {children}
        </ul>
      )}
    </section>
  );
}
