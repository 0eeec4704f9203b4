"use client";
import { Link } from "@/i18n/navigation";
import { UnverifiedBadge } from "@/components/orgs/unverified-badge";

/** One recommended researcher as the list shows them: only what is rendered. */
export type ResearcherRow = {
  id: string;
  name: string;
  /** Their best matching result's calibrated score as a percentage (none: expertise only). */
  percent?: number;
  /** The organisation's name ("" none). */
  org: string;
  /** Show the organisation's "unverified" mark. */
  unverified?: true;
  /** Their fields, joined as shown (at most four). */
  fields: string;
  /** Their matching results still published (at most three). */
  results: { id: string; title: string }[];
  /** Matching expertise words. */
  words: string[];
};

export type ResearcherRowLabels = { via: string; expertise: string; score: string; unverified: string; unverifiedHelp: string };

/**
 * Recommended researchers (need page, broker triage): one client component fed a compact list
 * instead of each researcher's elements and links serialised one by one into the page's RSC
 * payload (issue 18, as components/search/hit-list.tsx). Same HTML as the server list before.
 */
export function ResearcherRows({ rows, labels, testId }: { rows: ResearcherRow[]; labels: ResearcherRowLabels; testId: string }) {
  return (
    <ol className="space-y-3" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm">
          <div className="flex items-baseline justify-between gap-4">
            <span className="font-medium">{r.name}</span>
            {/* the calibrated score of their best matching result: the figure that result shows on the
                match list; none for a researcher recommended for their expertise only */}
            {r.percent !== undefined && (
              <span className="shrink-0 text-xs text-slate-500" data-testid="match-score">
                {labels.score} {r.percent}%
              </span>
            )}
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {r.org && (
              <>
                {r.org}
                {r.unverified && <UnverifiedBadge label={labels.unverified} help={labels.unverifiedHelp} />}
                {r.fields && " · "}
              </>
            )}
            {r.fields}
          </p>
          {r.results.length > 0 && (
            <p className="mt-2 text-xs">
              {labels.via}:{" "}
              {r.results.map((x, i) => (
                <span key={x.id}>
                  {i > 0 && "、"}
                  <Link href={`/results/${x.id}`} className="text-brand-700 hover:underline">
                    {x.title}
                  </Link>
                </span>
              ))}
            </p>
          )}
          {r.words.length > 0 && (
            <p className="mt-1 text-xs">
              {labels.expertise}:{" "}
              {r.words.map((w) => (
                <mark key={w} className="mr-1 rounded bg-yellow-100 px-1">
                  {w}
                </mark>
              ))}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
