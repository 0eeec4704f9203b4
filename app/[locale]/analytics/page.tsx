import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getTaxonomyAnalytics } from "@/lib/analytics/get-taxonomy-analytics";
import { ChallengeCountsPanel } from "@/components/challenges/counts-panel";
import { getChallengeCounts } from "@/lib/challenges/metrics";
import type { NodeStats } from "@/lib/analytics/compute";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";

const COLUMNS = ["needs", "openNeeds", "withDeal", "unmet", "results", "solved"] as const satisfies readonly (keyof NodeStats)[];

// Taxonomy analytics for policy analysts (brokers, admins): demand, supply and unmet demand per
// industry chain and node. Counts only; the lists behind them apply the viewer's own scopes.
export default async function AnalyticsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/analytics");
  if (!can(actor, "analytics.read")) notFound();
  const data = await getTaxonomyAnalytics(actor);
  const challengeCounts = await getChallengeCounts(actor, "analytics.read");
  const t = await getTranslations({ locale, namespace: "analytics" });
  const en = locale === "en";
  const name = (x: { nameZh: string; nameEn: string }) => (en ? x.nameEn : x.nameZh);
  const maxUnmet = Math.max(1, ...data.chains.flatMap((c) => c.nodes.map((n) => n.stats.unmet)));
  const cells = (s: NodeStats, nodeId?: string) =>
    COLUMNS.map((k) => (
      <td key={k} className={`p-2 text-right tabular-nums ${k === "unmet" && s.unmet > 0 ? "font-semibold text-red-700" : ""}`} data-stat={k}>
        {nodeId && s[k] > 0 && (k === "needs" || k === "results") ? (
          <Link href={`/${k === "results" ? "results" : "needs"}?node=${encodeURIComponent(nodeId)}`} className="hover:underline">
            {s[k]}
          </Link>
        ) : (
          s[k]
        )}
      </td>
    ));
  return (
    <div className="space-y-8">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600">{t("intro")}</p>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="analytics-totals">
          {(["openNeeds", "unmet", "withDeal", "results"] as const).map((k) => (
            <div key={k} className="rounded bg-slate-50 p-3">
              <dt className="text-xs text-slate-500">{t(`col.${k}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-stat={k}>
                {data.totals[k]}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <ChallengeCountsPanel counts={challengeCounts} locale={locale} />

      <section className="rounded-lg bg-white p-6 shadow-sm" aria-labelledby="bottlenecks-h">
        <h2 id="bottlenecks-h" className="mb-1 text-xl font-semibold">
          {t("bottlenecks")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("bottlenecksHint")}</p>
        {data.bottlenecks.length === 0 ? (
          <p className="text-slate-500">{t("noBottlenecks")}</p>
        ) : (
          <ol className="space-y-2" data-testid="bottlenecks">
            {data.bottlenecks.map((b) => (
              <li key={b.nodeId} className="flex items-center gap-3">
                <span className="w-64 shrink-0">
                  {en ? b.chainNameEn : b.chainNameZh} · {name(b)}
                </span>
                <span className="h-3 rounded bg-red-500" style={{ width: `${Math.max(4, (b.unmet / maxUnmet) * 240)}px` }} aria-hidden />
                <span className="text-sm">{t("bottleneckLine", { unmet: b.unmet, open: b.openNeeds, results: b.results })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {data.chains.map((c) => (
        <section key={c.id} className="overflow-x-auto rounded-lg bg-white p-6 shadow-sm" aria-labelledby={`chain-${c.id}`}>
          <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid={`chain-${c.id}`}>
            <caption id={`chain-${c.id}`} className="mb-2 text-left text-lg font-semibold">
              {name(c)}
            </caption>
            <thead>
              <tr className="border-b text-left">
                <th className="p-2">{t("node")}</th>
                <th className="p-2">{t("stage")}</th>
                {COLUMNS.map((k) => (
                  <th key={k} className="p-2 text-right">
                    {t(`col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.nodes.map((n) => (
                <tr key={n.id} className="border-b" data-node={n.id}>
                  <td className="p-2">{name(n)}</td>
                  <td className="p-2 text-slate-500">{t(`stages.${n.stage}`)}</td>
                  {cells(n.stats, n.id)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-medium">
                <td className="p-2" colSpan={2}>
                  {t("chainTotal")}
                </td>
                {cells(c.totals)}
              </tr>
            </tfoot>
          </table>
        </section>
      ))}

      <section className="overflow-x-auto rounded-lg bg-white p-6 shadow-sm">
        <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="untagged">
          <caption className="mb-2 text-left text-lg font-semibold">{t("untagged")}</caption>
          <thead>
            <tr className="border-b text-left">
              {COLUMNS.map((k) => (
                <th key={k} className="p-2 text-right">
                  {t(`col.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>{cells(data.untagged)}</tr>
          </tbody>
        </table>
        <p className="mt-4 text-xs text-slate-500">{t("definitions")}</p>
      </section>
    </div>
  );
}
