import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { categoryName } from "@/lib/instruments/categories";
import { instrumentsForNeed } from "@/lib/instruments/match";
import type { Actor } from "@/lib/policy";

/** "Instruments that could help" on a need's page (found through the instruments index). */
export async function InstrumentsForNeed({ actor, needId, locale }: { actor: Actor; needId: string; locale: string }) {
  const items = await instrumentsForNeed(actor, needId).catch(() => []);
  const t = await getTranslations({ locale, namespace: "instruments" });
  return (
    <section aria-labelledby="instruments-heading">
      <h2 id="instruments-heading" className="mb-3 text-xl font-semibold">
        {t("forNeed.title")}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("forNeed.none")}</p>
      ) : (
        <ul className="space-y-2" data-testid="instruments-for-need">
          {items.map((i) => (
            <li key={i.id} className="rounded bg-white p-3 text-sm shadow-sm">
              <Link href={`/instruments/${i.id}`} className="font-medium text-brand-700 hover:underline">
                {locale === "en" && i.nameEn ? i.nameEn : i.name}
              </Link>
              <span className="text-slate-600"> · {[categoryName(i.categoryCode, locale), i.organisation.name].join(" · ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
