import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { OrgName } from "@/components/orgs/org-name";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listBrokerQueue, listChains } from "@/lib/broker/queue";
import { queueFilterSchema } from "@/lib/broker/schemas";
import { can } from "@/lib/policy";

const VIEWS = ["new", "stale", "mine", "all"] as const;
const viewKey = { new: "viewNew", stale: "viewStale", mine: "viewMine", all: "viewAll" } as const;

export default async function BrokerQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/broker");
  if (!can(actor, "broker.workbench")) notFound();
  const parsed = queueFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : queueFilterSchema.parse({});
  const [items, chains] = await Promise.all([listBrokerQueue(actor, filter), listChains()]);
  const t = await getTranslations({ locale, namespace: "broker" });
  const chainName = (c: { nameZh: string; nameEn: string }) => (locale === "en" ? c.nameEn : c.nameZh);
  const input = "rounded border border-slate-300 px-2 py-1";
  return (
    <section>
      <div className="mb-6 flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/broker/board" className="text-brand-700 hover:underline">
          {t("boardLink")}
        </Link>
        <Link href="/visits" className="text-brand-700 hover:underline">
          {t("visitsLink")}
        </Link>
        <Link href="/broker/metrics" className="text-brand-700 hover:underline">
          {t("metricsLink")}
        </Link>
      </div>
      <h2 className="mb-3 text-lg font-semibold">{t("queueTitle")}</h2>
      <nav aria-label={t("queueTitle")} className="mb-3 flex gap-2 text-sm">
        {VIEWS.map((v) => (
          <Link
            key={v}
            href={`/broker?view=${v}`}
            aria-current={filter.view === v ? "page" : undefined}
            className={`rounded px-3 py-1 ${filter.view === v ? "bg-brand-600 text-white" : "bg-white"}`}
          >
            {t(viewKey[v])}
          </Link>
        ))}
      </nav>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <input type="hidden" name="view" value={filter.view} />
        <label>
          {t("chain")}
          <br />
          <select name="chain" defaultValue={filter.chain ?? ""} className={input}>
            <option value="">{t("anyChain")}</option>
            {chains.map((c) => (
              <option key={c.id} value={c.id}>
                {chainName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("region")}
          <br />
          <input name="region" defaultValue={filter.region ?? ""} className={input} />
        </label>
        <label>
          {t("minAge")}
          <br />
          <input name="minAgeDays" type="number" min={0} defaultValue={filter.minAgeDays ?? ""} className={`${input} w-24`} />
        </label>
        <label>
          {t("maxAge")}
          <br />
          <input name="maxAgeDays" type="number" min={0} defaultValue={filter.maxAgeDays ?? ""} className={`${input} w-24`} />
        </label>
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-white">
          {t("filter")}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{t("queueEmpty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="broker-queue">
          {items.map((n) => (
            <li key={n.id} className="rounded-lg bg-white p-3 shadow-sm">
              <Link href={`/broker/needs/${n.id}`} className="font-medium text-brand-700 hover:underline">
                {n.title}
              </Link>
              <p className="mt-1 text-sm text-slate-500">
                {n.organisation && (
                  <>
                    <OrgName name={n.organisation} verified={n.organisationVerified !== false} />
                    {" · "}
                  </>
                )}
                {[
                  n.helpRequested ? t("helpRequested") : null,
                  n.chain ? chainName(n.chain) : null,
                  n.region,
                  t("age", { days: n.ageDays }),
                  t(`triage.${n.triageStatus}`),
                  `${t("assignedTo")}: ${n.broker?.name ?? t("unassigned")}`,
                  n.openDeals ? `${t("openDeals")}: ${n.openDeals}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
