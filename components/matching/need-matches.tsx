import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/policy";
import { myFeedbackFor } from "@/lib/feedback/match-feedback";
import { getNeedMatches } from "@/lib/matching/need-matches";
import { MatchList } from "./match-list";

export async function NeedMatches({ actor, needId, locale }: { actor: Actor; needId: string; locale: string }) {
  const t = await getTranslations({ locale, namespace: "need" });
  const response = await getNeedMatches(actor, needId);
  const verdicts = await myFeedbackFor(actor, response.ok ? response.matches.map((m) => ({ needId, resultId: m.id })) : []);
  return (
    <MatchList
      response={response}
      locale={locale}
      basePath="/results"
      emptyText={t("noMatches")}
      testId="need-matches"
      feedback={{ pair: (m) => ({ needId, resultId: m.id }), verdicts }}
    />
  );
}
