import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Match, MatchResponse } from "@/lib/matching/matcher";
import { MatchFeedback, type Verdict } from "./match-feedback";
import { ClientMessages } from "@/components/i18n/client-messages";
import { isGoodMatch } from "@/lib/matching/calibrate";
import { MatchScore, MatchTerms } from "./match-terms";
import { OrgName } from "@/components/orgs/org-name";

/** Feedback controls under each match: which need-result pair it is, and the viewer's verdict. */
export type FeedbackSlot = { pair: (m: Match) => { needId: string; resultId: string }; verdicts: ReadonlyMap<string, Verdict> };

export async function MatchList({
  response,
  locale,
  basePath,
  emptyText,
  testId,
  feedback,
}: {
  response: MatchResponse;
  locale: string;
  basePath: "/needs" | "/results";
  emptyText: string;
  testId: string;
  feedback?: FeedbackSlot;
}) {
  const t = await getTranslations({ locale, namespace: "match" });
  const ts = await getTranslations({ locale, namespace: "search" });
  if (!response.ok)
    return (
      <p role="alert" className="rounded bg-amber-50 p-4 text-amber-800" data-testid={testId}>
        {ts("unavailable")}
      </p>
    );
  if (response.matches.length === 0) return <p data-testid={testId}>{emptyText}</p>;
  // Scores are calibrated probabilities: weak matches are not shown as matches at all.
  const good = response.matches.filter((m) => isGoodMatch(m.score));
  if (good.length === 0)
    return (
      <div className="rounded bg-slate-50 p-4 text-sm text-slate-700" data-testid={testId}>
        <p className="font-medium" data-testid="no-good-match">
          {t("noGoodMatch")}
        </p>
        <p className="mt-1">{t("noGoodMatchHint")}</p>
      </div>
    );
  return (
    <ol className="space-y-3" data-testid={testId}>
      {good.map((m) => (
        <li key={m.id} className="rounded-lg bg-white p-4 shadow-sm">
          <div className="flex items-baseline justify-between gap-4">
            <Link href={`${basePath}/${m.id}`} className="font-medium text-brand-700 hover:underline">
              {m.title}
            </Link>
            <MatchScore label={t("score")} score={m.score} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {m.organisationName && (
              <>
                <OrgName name={m.organisationName} verified={m.organisationVerified !== false} />
                {" · "}
              </>
            )}
            {[m.field, m.trl ? `TRL ${m.trl}` : null].filter(Boolean).join(" · ")}
          </p>
          <Explanation
            match={m}
            labels={{
              matchedTerms: t("matchedTerms"),
              sharedChain: t("sharedChain"),
              sharedField: t("sharedField"),
              trlFit: t("trlFit"),
              modeFit: t("modeFit"),
            }}
          />
          {feedback &&
            (() => {
              const { needId, resultId } = feedback.pair(m);
              return (
                <ClientMessages namespaces={["feedback"]}>
                  <MatchFeedback locale={locale} needId={needId} resultId={resultId} verdict={feedback.verdicts.get(`${needId}:${resultId}`) ?? null} />
                </ClientMessages>
              );
            })()}
        </li>
      ))}
    </ol>
  );
}

function Explanation({ match, labels }: { match: Match; labels: Record<"matchedTerms" | "sharedChain" | "sharedField" | "trlFit" | "modeFit", string> }) {
  const e = match.explanation;
  const badges = [
    e.sameChain || e.sameChainNode ? labels.sharedChain : null,
    e.sameField ? labels.sharedField : null,
    e.trlFit ? labels.trlFit : null,
    e.sharedModes.length > 0 ? labels.modeFit : null,
  ].filter((b): b is string => b !== null);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
      <MatchTerms label={labels.matchedTerms} terms={e.matchedTerms} />
      {badges.map((b) => (
        <span key={b} className="rounded bg-green-50 px-2 py-0.5 text-green-700">
          {b}
        </span>
      ))}
    </div>
  );
}
