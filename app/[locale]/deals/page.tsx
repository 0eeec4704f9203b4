import { getTranslations, setRequestLocale } from "next-intl/server";
import { DealCard } from "@/components/deals/deal-card";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listMyDeals } from "@/lib/deals/list-deals";

export default async function MyDealsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/deals");
  const deals = await listMyDeals(actor);
  const t = await getTranslations({ locale, namespace: "deal" });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("myDealsTitle")}</h1>
      {deals.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {deals.map((d) => (
            <DealCard key={d.id} deal={d} locale={locale} />
          ))}
        </ul>
      )}
    </section>
  );
}
