import { Link } from "@/i18n/navigation";
import type { ResearcherMatch } from "@/lib/recommend/rank-researchers";
import { OrgName } from "@/components/orgs/org-name";
import { MatchScore } from "./match-terms";

export function ResearcherList({
  researchers,
  labels,
  testId,
}: {
  researchers: ResearcherMatch[];
  labels: { via: string; expertise: string; empty: string; score: string };
  testId: string;
}) {
  if (researchers.length === 0) return <p data-testid={testId}>{labels.empty}</p>;
  return (
    <ol className="space-y-3" data-testid={testId}>
      {researchers.map((r) => (
        <li key={r.userId} className="rounded-lg bg-white p-4 shadow-sm">
          <div className="flex items-baseline justify-between gap-4">
            <span className="font-medium">{r.name ?? "—"}</span>
            {/* the calibrated score of their best matching result: the figure that result shows on the
                match list; none for a researcher recommended for their expertise only */}
            {r.matchScore !== null && r.matchScore !== undefined && <MatchScore label={labels.score} score={r.matchScore} />}
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {r.organisationName && (
              <>
                <OrgName name={r.organisationName} verified={r.organisationVerified !== false} />
                {r.fields.length > 0 && " · "}
              </>
            )}
            {r.fields.slice(0, 4).join(" · ")}
          </p>
          {r.results.length > 0 && (
            <p className="mt-2 text-xs">
              {labels.via}:{" "}
              {r.results.slice(0, 3).map((x, i) => (
                <span key={x.id}>
                  {i > 0 && "、"}
                  <Link href={`/results/${x.id}`} className="text-brand-700 hover:underline">
                    {x.title}
                  </Link>
                </span>
              ))}
            </p>
          )}
          {r.expertiseWords.length > 0 && (
            <p className="mt-1 text-xs">
              {labels.expertise}:{" "}
              {r.expertiseWords.map((w) => (
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
