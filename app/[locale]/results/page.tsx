import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listResults } from "@/lib/results/list-results";
import { ResultCard } from "@/components/results/result-card";
import { Pagination, pageParam } from "@/components/pagination";

const PAGE_SIZE = 20;

export default async function ResultsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/results");
  const page = pageParam((await searchParams).page);
  const { items, total } = await listResults(actor, { page, pageSize: PAGE_SIZE });
  const t = await getTranslations({ locale, namespace: "result" });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("listTitle")}</h1>
      {items.length === 0 ? <p>{t("empty")}</p> : <ul className="space-y-3">{items.map((r) => <ResultCard key={r.id} result={r} />)}</ul>}
      <Pagination path="/results" page={page} total={total} pageSize={PAGE_SIZE} />
    </section>
  );
}
