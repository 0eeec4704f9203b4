import { useTranslations } from "next-intl";
import { scorePercent } from "@/lib/matching/calibrate";
import type { ResearcherMatch } from "@/lib/recommend/rank-researchers";
import { ResearcherRows, type ResearcherRow } from "./researcher-rows";

// Server side of the list: what is shown of each researcher, as compact rows for ResearcherRows.
export function ResearcherList({
  researchers,
  labels,
  testId,
}: {
  researchers: ResearcherMatch[];
  labels: { via: string; expertise: string; empty: string; score: string };
  testId: string;
}) {
  const to = useTranslations("orgs");
  if (researchers.length === 0) return <p data-testid={testId}>{labels.empty}</p>;
  const rows: ResearcherRow[] = researchers.map((r) => ({
    id: r.userId,
    name: r.name ?? "—",
    ...(r.matchScore !== null && r.matchScore !== undefined ? { percent: scorePercent(r.matchScore) } : {}),
    org: r.organisationName ?? "",
    ...(r.organisationName && r.organisationVerified === false ? { unverified: true as const } : {}),
    fields: r.fields.slice(0, 4).join(" · "),
    results: r.results.slice(0, 3).map((x) => ({ id: x.id, title: x.title })),
    words: r.expertiseWords,
  }));
  return (
    <ResearcherRows
      rows={rows}
      labels={{ via: labels.via, expertise: labels.expertise, score: labels.score, unverified: to("unverified"), unverifiedHelp: to("unverifiedHelp") }}
      testId={testId}
    />
  );
}
