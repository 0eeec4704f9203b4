import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/policy";
import { getNeedResearchers } from "@/lib/recommend/need-researchers";
import { ResearcherList } from "./researcher-list";

export async function NeedResearchers({ actor, needId, locale }: { actor: Actor; needId: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "need" });
  const ts = await getTranslations({ locale, namespace: "search" });
  const tm = await getTranslations({ locale, namespace: "match" });
  const response = await getNeedResearchers(actor, needId);
  if (!response.ok)
    return (
      <p role="alert" className="rounded bg-amber-50 p-4 text-amber-800" data-testid="need-researchers">
        {ts("unavailable")}
      </p>
    );
  return (
    <ResearcherList
      researchers={response.researchers}
      labels={{ via: t("viaResults"), expertise: t("expertise"), empty: t("noResearchers"), score: tm("score") }}
      testId="need-researchers"
    />
  );
}
