import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { DealView } from "@/lib/deals/present-deal";
import { OrgName } from "@/components/orgs/org-name";

export async function DealCard({ deal, locale }: { deal: DealView; locale: string }) {
  const t = await getTranslations({ locale, namespace: "deal" });
  return (
    <li className="rounded-lg bg-white p-3 text-sm shadow-sm" data-testid="deal-card">
      <Link href={`/deals/${deal.id}`} className="font-medium text-brand-700 hover:underline">
        {deal.need.title ?? t("needHidden")}
      </Link>
      <p className="mt-1 text-slate-500">
        {deal.company && (
          <>
            <OrgName name={deal.company.name} verified={deal.company.verified} /> ↔{" "}
          </>
        )}
        {deal.researcher.name}
      </p>
      <p className="mt-1">
        <span className="rounded bg-slate-100 px-1.5">{t(`state.${deal.state}`)}</span>
        {deal.lapsed && <span className="ml-2 rounded bg-red-50 px-1.5 text-red-700">{t("lapsed")}</span>}
        {deal.contract && (
          <span className="ml-2">
            {t("value")} ¥{deal.contract.valueCny.toLocaleString(locale)}
          </span>
        )}
      </p>
    </li>
  );
}
