import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/challenges/ui";
import { MatchScore } from "@/components/matching/match-terms";
import { Link } from "@/i18n/navigation";
import { getChallengeMatches } from "@/lib/challenges/matches";
import type { Actor } from "@/lib/policy";

// The challenge's matched results and researchers (sponsor side and staff): read from its stored
// snapshot (lib/matching/challenge-snapshot.ts), re-checked against the database.
export async function ChallengeMatchesPanel({ actor, challengeId, locale }: { actor: Actor; challengeId: string; locale: string }) {
  const [m, t, tm] = await Promise.all([
    getChallengeMatches(actor, challengeId),
    getTranslations({ locale, namespace: "challenges" }),
    getTranslations({ locale, namespace: "match" }),
  ]);
  return (
    <Panel title={t("matches")} testId="challenge-matches">
      <p className="mb-3 text-xs text-slate-500">{t("matchesHint")}</p>
      {!m.ok ? (
        <p className="text-sm text-amber-700">{t("matchesUnavailable")}</p>
      ) : m.results.length === 0 && m.researchers.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noMatches")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("matchedResults")}</h3>
            {m.results.length === 0 && <p className="text-sm text-slate-500">{t("noMatches")}</p>}
            <ul className="space-y-2 text-sm">
              {m.results.map((r) => (
                <li key={r.id} data-testid="challenge-match" className="flex items-start justify-between gap-2">
                  <span className="min-w-0">
                    <Link href={`/results/${r.id}`} className="text-brand-700 hover:underline">
                      {r.title}
                    </Link>
                    {r.organisationName && <span className="block text-xs text-slate-500">{r.organisationName}</span>}
                  </span>
                  <MatchScore label={tm("score")} score={r.score} />
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("matchedResearchers")}</h3>
            {m.researchers.length === 0 && <p className="text-sm text-slate-500">{t("noMatches")}</p>}
            <ul className="space-y-2 text-sm">
              {m.researchers.map((r) => (
                <li key={r.userId} data-testid="challenge-researcher">
                  <span className="font-medium">{r.name ?? "—"}</span>
                  {r.organisationName && <span className="text-xs text-slate-500"> · {r.organisationName}</span>}
                  {r.results.length > 0 && <span className="block text-xs text-slate-500">{r.results.map((x) => x.title).join("、")}</span>}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </Panel>
  );
}
