"use client";
import { Link } from "@/i18n/navigation";
import { MatchFeedback, type Verdict } from "./match-feedback";
import { UnverifiedBadge } from "@/components/orgs/unverified-badge";

/** One match as a match list shows it: only what is rendered, nothing else of the match. */
export type MatchRow = {
  id: string;
  title: string;
  /** The calibrated score as a percentage (scorePercent). */
  percent: number;
  /** The organisation's name ("" none). */
  org: string;
  /** Show the organisation's "unverified" mark. */
  unverified?: true;
  /** Field and TRL, joined as shown ("Sensor fusion · TRL 5"). */
  facts: string;
  /** Matched words as shown ("电池 ↔ battery"), at most six. */
  terms: string[];
  /** Translated badges (shared chain, field, TRL fit, mode fit). */
  badges: string[];
  /** Feedback controls under the match: the need-result pair and the viewer's verdict. */
  feedback?: { needId: string; resultId: string; verdict: Verdict };
};

export type MatchRowLabels = { score: string; matchedTerms: string; unverified: string; unverifiedHelp: string };

/**
 * A match list (need page, result page, dashboard, broker triage): one client component fed a
 * compact list, instead of each match's elements and links serialised one by one into the page's
 * RSC payload (issue 18, as components/search/hit-list.tsx for the search page). The HTML is the
 * one the server component rendered before (components/matching/match-terms.tsx, OrgName).
 */
export function MatchRows({ locale, base, rows, labels, testId }: { locale: string; base: string; rows: MatchRow[]; labels: MatchRowLabels; testId: string }) {
  return (
    <ol className="space-y-3" data-testid={testId}>
      {rows.map((m) => (
        <li key={m.id} className="rounded-lg bg-white p-4 shadow-sm">
          <div className="flex items-baseline justify-between gap-4">
            <Link href={`${base}/${m.id}`} className="font-medium text-brand-700 hover:underline">
              {m.title}
            </Link>
            <span className="shrink-0 text-xs text-slate-500" data-testid="match-score">
              {labels.score} {m.percent}%
            </span>
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {m.org && (
              <>
                {m.org}
                {m.unverified && <UnverifiedBadge label={labels.unverified} help={labels.unverifiedHelp} />}
                {" · "}
              </>
            )}
            {m.facts}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
            {m.terms.length > 0 && (
              <span>
                {labels.matchedTerms}:{" "}
                {m.terms.map((term, i) => (
                  <mark key={i} className="mr-1 rounded bg-yellow-100 px-1" data-testid="match-term">
                    {term}
                  </mark>
                ))}
              </span>
            )}
            {m.badges.map((b) => (
              <span key={b} className="rounded bg-green-50 px-2 py-0.5 text-green-700">
                {b}
              </span>
            ))}
          </div>
          {m.feedback && <MatchFeedback locale={locale} {...m.feedback} />}
        </li>
      ))}
    </ol>
  );
}
