import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/policy";
import { myFeedbackFor } from "@/lib/feedback/match-feedback";
import { getResultMatches } from "@/lib/matching/result-matches";
import { MatchList } from "./match-list";

export async function ResultMatches({ actor, resultId, locale }: { actor: Actor; resultId: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "result" });
  const response = await getResultMatches(actor, resultId);
  const verdicts = await myFeedbackFor(actor, response.ok ? response.matches.map((m) => ({ needId: m.id, resultId })) : []);
  return (
    <MatchList
      response={response}
      locale={locale}
      basePath="/needs"
      emptyText={t("noMatches")}
      testId="result-matches"
      feedback={{ pair: (m) => ({ needId: m.id, resultId }), verdicts }}
    />
  );
}
