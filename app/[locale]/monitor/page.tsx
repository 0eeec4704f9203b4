import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ChainMapSection } from "@/components/monitor/chain-map-section";
import { MonitorFilterForm } from "@/components/monitor/monitor-filter-form";
import { filterQuery } from "@/components/monitor/monitor-filters";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getChainMap, listMonitorChains } from "@/lib/monitor/get-monitor";
import { parseMonitorFilters } from "@/lib/monitor/schemas";
import { can } from "@/lib/policy";

// The chain monitor (issue 16): every chain as its nodes from upstream to downstream, coloured
// by bottleneck score and sized by open demand; a node links to its portrait. Policy analysts,
// brokers and admins ("monitor.read"). Figures come from the aggregates (lib/monitor).
export default async function MonitorPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/monitor");
  if (!can(actor, "monitor.read")) notFound();
  const filters = parseMonitorFilters(await searchParams);
  if (filters.node) {
    redirect(
      `/${locale}/monitor/nodes/${encodeURIComponent(filters.node)}${filterQuery({ region: filters.region, orgKind: filters.orgKind, period: filters.period })}`,
    );
  }
  const [data, allChains] = await Promise.all([getChainMap(actor, filters), listMonitorChains()]);
  const t = await getTranslations({ locale, namespace: "monitor" });
  const q = filterQuery({ region: filters.region, orgKind: filters.orgKind, period: filters.period });
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "en" ? x.nameEn : x.nameZh);

  // One ClientMessages around the page: the filter form and the charts are client components of
  // the same namespace, sent once.
  return (
    <ClientMessages namespaces={["monitor"]}>
      <div className="space-y-6">
        <section className="rounded-lg bg-white p-6 shadow-sm">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
              <p className="max-w-3xl text-slate-600">{t("intro")}</p>
            </div>
            {can(actor, "monitor.keyList") && (
              <Link
                href="/monitor/lists"
                className="rounded border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
                data-testid="key-lists-link"
              >
                {t("lists")}
              </Link>
            )}
          </div>
          <p className="mt-2 text-xs text-slate-500">
            {data.refreshedAt ? t("refreshedAt", { at: data.refreshedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" }) : t("notRefreshed")}
          </p>
          <div className="mt-4">
            <MonitorFilterForm
              action={`/${locale}/monitor`}
              filters={filters}
              chains={allChains.map((c) => ({ id: c.id, name: name(c), nodes: c.nodes.map((n) => ({ id: n.id, name: name(n) })) }))}
              regions={data.regions}
            />
          </div>
        </section>

        {/* Each node's name in the page's language only: the payload carries what is shown. */}
        {data.chains.map((c) => (
          <ChainMapSection
            key={c.id}
            chain={{ id: c.id, name: name(c) }}
            nodes={c.nodes.map(({ nameZh, nameEn, ...n }) => ({ ...n, name: name({ nameZh, nameEn }) }))}
            query={q}
          />
        ))}

        <p className="text-sm">
          <Link href="/instruments/metrics" className="text-brand-700 hover:underline" data-testid="instruments-link">
            {t("instrumentsLink")} →
          </Link>
        </p>
      </div>
    </ClientMessages>
  );
}
