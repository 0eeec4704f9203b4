import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { DealCard } from "@/components/deals/deal-card";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listMyDeals } from "@/lib/deals/list-deals";
import { DEAL_STATES } from "@/lib/deals/transitions";
import { can } from "@/lib/policy";

// The broker's kanban: one column per state, the broker's own deals.
export default async function BoardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/broker/board");
  if (!can(actor, "broker.workbench")) notFound();
  const deals = await listMyDeals(actor);
  const t = await getTranslations({ locale, namespace: "deal" });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t("boardTitle")}</h1>
      <div className="flex gap-3 overflow-x-auto pb-4">
        {DEAL_STATES.map((state) => {
          const column = deals.filter((d) => d.state === state);
          return (
            <section key={state} aria-label={t(`state.${state}`)} className="w-56 shrink-0 rounded-lg bg-slate-100 p-2" data-testid={`column-${state}`}>
              <h2 className="mb-2 text-sm font-semibold">
                {t(`state.${state}`)} <span className="text-slate-500">({column.length})</span>
              </h2>
              <ul className="space-y-2">
                {column.map((d) => (
                  <DealCard key={d.id} deal={d} locale={locale} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
