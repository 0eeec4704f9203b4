import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/policy";
import { getResultMatches } from "@/lib/results/get-result-matches";
import { MatchList } from "./match-list";

export async function ResultMatches({ actor, resultId, locale }: { actor: Actor; resultId: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "result" });
  const response = await getResultMatches(actor, resultId);
  return <MatchList response={response} locale={locale} basePath="/needs" emptyText={t("noMatches")} testId="result-matches" />;
}
