import { getTranslations } from "next-intl/server";
import { formatCny } from "@/components/challenges/ui";
import { When } from "@/components/time/when";
import { Link } from "@/i18n/navigation";
import { challengesForYou } from "@/lib/challenges/matches";
import type { Actor } from "@/lib/policy";

// "Challenges for you" on a solver's dashboard: open calls whose stored matches name the viewer
// or hold one of their results (lib/challenges/matches.ts).
export async function ChallengesForYou({ actor, locale }: { actor: Actor; locale: string }) {
  const [items, t] = await Promise.all([challengesForYou(actor), getTranslations({ locale, namespace: "challenges" })]);
  return (
    <section aria-labelledby="challenges-for-you" data-testid="challenges-for-you">
      <h2 id="challenges-for-you" className="mb-3 text-xl font-semibold">
        {t("forYou")}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("forYouEmpty")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 rounded bg-white p-3 shadow-sm">
              <Link href={`/challenges/${c.id}`} className="font-medium text-brand-700 hover:underline">
                {c.title}
              </Link>
              <span className="text-xs text-slate-500">
                {formatCny(c.bountyTotalCny, locale)} · {t("deadline")} <When at={c.applicationDeadline} show="date" />
                {c.applied && ` · ${t("applied")}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
