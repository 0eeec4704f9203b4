import { getTranslations } from "next-intl/server";
import type { ChallengeCounts } from "@/lib/challenges/metrics";
import { formatCny } from "./ui";

// Challenges beside needs and deals on the analytics and broker metrics pages.
export async function ChallengeCountsPanel({ counts, locale }: { counts: ChallengeCounts; locale: string }) {
  const t = await getTranslations({ locale, namespace: "challenges" });
  const cells: [string, string | number][] = [
    [t("status.OPEN"), counts.byStatus.OPEN],
    [t("status.REVIEW"), counts.byStatus.REVIEW],
    [t("status.AWARDED"), counts.byStatus.AWARDED],
    [t("status.COMPLETED"), counts.byStatus.COMPLETED],
    [t("applications"), counts.applications],
    [t("metrics.bountyOpen"), formatCny(counts.bountyOpenCny, locale)],
    [t("metrics.bountyAwarded"), formatCny(counts.bountyAwardedCny, locale)],
    [t("metrics.paid"), formatCny(counts.paidCny, locale)],
    [t("metrics.late"), counts.lateMilestones],
    [t("metrics.withOutcome"), counts.withOutcome],
  ];
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm" data-testid="challenge-counts">
      <h2 className="mb-3 text-lg font-semibold">{t("metrics.title")}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {cells.map(([label, value]) => (
          <div key={label} className="rounded bg-slate-50 p-3">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
