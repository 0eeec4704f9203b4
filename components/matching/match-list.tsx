import { getTranslations } from "next-intl/server";
import type { Match, MatchResponse } from "@/lib/matching/matcher";
import type { Verdict } from "./match-feedback";
import { ClientMessages } from "@/components/i18n/client-messages";
import { isGoodMatch, scorePercent } from "@/lib/matching/calibrate";
import { MatchRows, type MatchRow } from "./match-rows";

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
  const to = await getTranslations({ locale, namespace: "orgs" });
  const labels = { matchedTerms: t("matchedTerms"), sharedChain: t("sharedChain"), sharedField: t("sharedField"), trlFit: t("trlFit"), modeFit: t("modeFit") };
  const rows: MatchRow[] = good.map((m) => {
    const e = m.explanation;
    const pair = feedback?.pair(m);
    return {
      id: m.id,
      title: m.title,
      percent: scorePercent(m.score),
      org: m.organisationName ?? "",
      ...(m.organisationName && m.organisationVerified === false ? { unverified: true as const } : {}),
      facts: [m.field, m.trl ? `TRL ${m.trl}` : null].filter(Boolean).join(" · "),
      terms: e.matchedTerms.slice(0, 6).map((p) => (p.needTerm.toLowerCase() === p.resultTerm.toLowerCase() ? p.needTerm : `${p.needTerm} ↔ ${p.resultTerm}`)),
      badges: [
        e.sameChain || e.sameChainNode ? labels.sharedChain : null,
        e.sameField ? labels.sharedField : null,
        e.trlFit ? labels.trlFit : null,
        e.sharedModes.length > 0 ? labels.modeFit : null,
      ].filter((b): b is string => b !== null),
      ...(pair ? { feedback: { ...pair, verdict: feedback!.verdicts.get(`${pair.needId}:${pair.resultId}`) ?? null } } : {}),
    };
  });
  const list = (
    <MatchRows
      locale={locale}
      base={basePath}
      rows={rows}
      labels={{ score: t("score"), matchedTerms: labels.matchedTerms, unverified: to("unverified"), unverifiedHelp: to("unverifiedHelp") }}
      testId={testId}
    />
  );
  // The feedback controls' messages, once for the whole list.
  return feedback ? <ClientMessages namespaces={["feedback"]}>{list}</ClientMessages> : list;
}
