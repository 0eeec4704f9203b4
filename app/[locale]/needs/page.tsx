import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listNeeds } from "@/lib/needs/list-needs";
import { NeedCard } from "@/components/needs/need-card";
import { Pagination, pageParam } from "@/components/pagination";

const PAGE_SIZE = 20;

export default async function NeedsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/needs");
  const page = pageParam((await searchParams).page);
  const { items, total } = await listNeeds(actor, { page, pageSize: PAGE_SIZE });
  const t = await getTranslations({ locale, namespace: "need" });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("listTitle")}</h1>
      {items.length === 0 ? <p>{t("empty")}</p> : (
        <ul className="space-y-3">{items.map((n) => <NeedCard key={n.id} need={n} hiddenOrgLabel={t("hiddenOrg")} />)}</ul>
      )}
      <Pagination path="/needs" page={page} total={total} pageSize={PAGE_SIZE} />
    </section>
  );
}
