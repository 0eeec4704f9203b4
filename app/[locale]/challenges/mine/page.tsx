import { getTranslations, setRequestLocale } from "next-intl/server";
import { Badge, formatCny, formatDate, Panel } from "@/components/challenges/ui";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listMyApplications } from "@/lib/challenges/applications";
import { listSponsorChallenges } from "@/lib/challenges/manage-challenge";

// "My challenges": the sponsor console list (own organisation's, a broker's drafts, all for admins)
// and the applications the user made or is on the team of.
export default async function MyChallengesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/challenges/mine");
  const [sponsored, applications, t] = await Promise.all([
    listSponsorChallenges(actor),
    listMyApplications(actor),
    getTranslations({ locale, namespace: "challenges" }),
  ]);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">{t("mine")}</h1>
      {sponsored.length > 0 && (
        <Panel title={t("sponsored")} testId="sponsored">
          <ul className="divide-y">
            {sponsored.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/challenges/${c.id}/manage`} className="font-medium text-brand-700 hover:underline">
                  {c.title}
                </Link>
                <span className="flex items-center gap-2 text-slate-600">
                  {formatCny(c.bountyTotalCny, locale)} · {t("applicationsCount", { count: c.applications })}
                  <Badge status={c.status}>{t(`status.${c.status}`)}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <Panel title={t("myApplications")} testId="my-applications">
        {applications.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noMyApplications")}</p>
        ) : (
          <ul className="divide-y">
            {applications.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/challenges/applications/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.challenge.title}
                </Link>
                <span className="flex items-center gap-2 text-slate-600">
                  {formatDate(a.createdAt, locale)}
                  <Badge status={a.status}>{t(`appStatus.${a.status}`)}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
