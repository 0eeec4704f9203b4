import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNeed } from "@/lib/needs/get-need";
import { NeedDetail } from "@/components/needs/need-detail";
import { NeedMatches } from "@/components/matching/need-matches";
import { NeedResearchers } from "@/components/matching/need-researchers";

export default async function NeedPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}`);
  const need = await getNeed(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "need" });
  return (
    <div className="space-y-8">
      <NeedDetail need={need} locale={locale} />
      {need.access === "full" && (
        <section aria-labelledby="matches-heading">
          <h2 id="matches-heading" className="mb-3 text-xl font-semibold">{t("matches")}</h2>
          <NeedMatches actor={actor} needId={need.id} locale={locale} />
        </section>
      )}
      {need.access === "full" && (
        <section aria-labelledby="researchers-heading">
          <h2 id="researchers-heading" className="mb-3 text-xl font-semibold">{t("researchers")}</h2>
          <NeedResearchers actor={actor} needId={need.id} locale={locale} />
        </section>
      )}
    </div>
  );
}
