import { Link } from "@/i18n/navigation";
import type { ResearcherMatch } from "@/lib/recommend/rank-researchers";
import { OrgName } from "@/components/orgs/org-name";

export function ResearcherList({
  researchers,
  labels,
  testId,
}: {
  researchers: ResearcherMatch[];
  labels: { via: string; expertise: string; empty: string };
  testId: string;
}) {
  if (researchers.length === 0) return <p data-testid={testId}>{labels.empty}</p>;
  return (
    <ol className="space-y-3" data-testid={testId}>
      {researchers.map((r) => (
        <li key={r.userId} className="rounded-lg bg-white p-4 shadow-sm">
          <div className="flex items-baseline justify-between gap-4">
            <span className="font-medium">{r.name ?? "—"}</span>
            <span className="shrink-0 text-xs text-slate-500">{Math.round(r.score * 100)}%</span>
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
