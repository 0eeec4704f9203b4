import { getTranslations } from "next-intl/server";
import { When } from "@/components/time/when";
import type { ChallengeView } from "@/lib/challenges/queries";

// The life of a challenge on its page, from the call to the outcome evaluation (项目指南发布 →
// 申报 → 评审立项 → 揭榜 → 里程碑 → 结题验收 → 成果评价): each step with the date it happened, or the
// planned date (the application deadline, the next milestone) while it is still ahead.

type Step = { key: string; done: boolean; at: string | null; planned?: boolean; note?: string };

export async function ChallengeTimeline({ c, locale }: { c: Pick<ChallengeView, "timeline" | "status">; locale: string }) {
  const t = await getTranslations({ locale, namespace: "challenges" });
  const tl = c.timeline;
  const ms = tl.milestones;
  const closed = tl.closedAt !== null;
  const steps: Step[] = [
    { key: "call", done: tl.publishedAt !== null, at: tl.publishedAt },
    { key: "applications", done: closed, at: tl.closedAt ?? tl.applicationDeadline, planned: !closed },
    { key: "review", done: tl.awardedAt !== null, at: tl.closedAt },
    { key: "award", done: tl.awardedAt !== null, at: tl.awardedAt },
    {
      key: "milestones",
      done: ms.total > 0 && ms.accepted === ms.total,
      at: ms.total > 0 && ms.accepted === ms.total ? ms.lastAcceptedAt : ms.nextDueAt,
      planned: ms.total > 0 && ms.accepted < ms.total,
      note: ms.total > 0 ? t("tlMilestones", { accepted: ms.accepted, total: ms.total }) : undefined,
    },
    { key: "completion", done: tl.completedAt !== null, at: tl.completedAt },
    { key: "evaluation", done: tl.evaluatedAt.length > 0, at: tl.evaluatedAt.at(-1)?.at ?? null },
  ];
  const cancelled = tl.cancelledAt !== null;
  // The first step not done is the current one (none once cancelled).
  const current = cancelled ? -1 : steps.findIndex((s) => !s.done);
  return (
    <ol className="flex flex-col gap-0 md:flex-row" data-testid="timeline">
      {steps.map((s, i) => {
        const state = s.done ? "done" : i === current ? "current" : "pending";
        return (
          <li key={s.key} data-step={s.key} data-state={state} className="relative flex gap-3 pb-4 md:min-w-0 md:flex-1 md:flex-col md:gap-1 md:pr-2">
            <span
              aria-hidden
              className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold ${
                state === "done"
                  ? "bg-brand-600 text-white"
                  : state === "current"
                    ? "border-2 border-brand-600 bg-white text-brand-700"
                    : "border border-slate-300 bg-white text-slate-400"
              }`}
            >
              {s.done ? "✓" : i + 1}
            </span>
            <div className="text-sm">
              <p className={state === "pending" ? "text-slate-500" : "font-medium"}>{t(`tl.${s.key}`)}</p>
              <p className="text-xs text-slate-500">
                {s.at ? (
                  <>
                    {s.planned && `${t("tlPlanned")} `}
                    <When at={s.at} show="date" />
                  </>
                ) : (
                  !s.done && t("tlPending")
                )}
              </p>
              {s.note && <p className="text-xs text-slate-500">{s.note}</p>}
            </div>
          </li>
        );
      })}
      {cancelled && (
        <li data-step="cancelled" className="flex gap-3 text-sm text-red-700 md:flex-col md:gap-1">
          <span aria-hidden className="flex h-5 w-5 items-center justify-center rounded-full bg-red-600 text-[11px] font-bold text-white">
            ×
          </span>
          <span>
            {t("tl.cancelled")} · <When at={tl.cancelledAt!} show="date" />
          </span>
        </li>
      )}
    </ol>
  );
}
