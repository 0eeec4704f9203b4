import { getTranslations, setRequestLocale } from "next-intl/server";
import { Countdown } from "@/components/challenges/countdown";
import { Badge, formatCny } from "@/components/challenges/ui";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { challengeFilterOptions, listChallenges } from "@/lib/challenges/queries";
import { BOUNTY_BANDS, challengeListQuerySchema } from "@/lib/challenges/schemas";
import { can } from "@/lib/policy";

// The public listing of challenges (榜单): anyone may browse; filters by chain, field, region,
// bounty band and deadline; each card shows the countdown and the NUMBER of applications.
export default async function ChallengesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const parsed = challengeListQuerySchema.safeParse(Object.fromEntries(Object.entries(sp).filter(([, v]) => v !== undefined && v !== "")));
  const query = parsed.success ? parsed.data : {};
  const actor = await getCurrentActor();
  const [{ items, total }, options, t] = await Promise.all([
    listChallenges(actor, query),
    challengeFilterOptions(),
    getTranslations({ locale, namespace: "challenges" }),
  ]);
  const countdown = { closed: t("countdown.closed"), left: t("countdown.left"), d: t("countdown.d"), h: t("countdown.h"), m: t("countdown.m") };
  const select = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("listTitle")}</h1>
          <p className="text-sm text-slate-600">{t("listIntro")}</p>
        </div>
        <div className="flex gap-2 text-sm">
          {actor && (
            <Link href="/challenges/mine" className="rounded border border-brand-600 px-3 py-1.5 text-brand-700">
              {t("mine")}
            </Link>
          )}
          {can(actor, "challenge.create") && (
            <Link href="/challenges/new" className="rounded bg-brand-600 px-3 py-1.5 text-white">
              {t("newChallenge")}
            </Link>
          )}
        </div>
      </div>
      <form method="get" className="mb-6 grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-sm md:grid-cols-6" aria-label={t("filters")}>
        <label className="col-span-2 text-sm md:col-span-2">
          {t("f.q")}
          <input name="q" defaultValue={query.q ?? ""} className={select} />
        </label>
        <label className="text-sm">
          {t("f.chain")}
          <select name="chainId" defaultValue={query.chainId ?? ""} className={select}>
            <option value="">{t("f.any")}</option>
            {options.chains.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === "en" ? c.nameEn : c.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("f.field")}
          <select name="field" defaultValue={query.field ?? ""} className={select}>
            <option value="">{t("f.any")}</option>
            {options.fields.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("f.region")}
          <select name="region" defaultValue={query.region ?? ""} className={select}>
            <option value="">{t("f.any")}</option>
            {options.regions.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("f.bounty")}
          <select name="bounty" defaultValue={query.bounty ?? ""} className={select}>
            <option value="">{t("f.any")}</option>
            {BOUNTY_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`band.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("f.deadline")}
          <select name="deadlineWithinDays" defaultValue={query.deadlineWithinDays ? String(query.deadlineWithinDays) : ""} className={select}>
            <option value="">{t("f.any")}</option>
            {[7, 30, 90].map((d) => (
              <option key={d} value={d}>
                {t("f.withinDays", { days: d })}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("f.status")}
          <select name="status" defaultValue={query.status ?? ""} className={select}>
            <option value="">{t("f.any")}</option>
            {(["OPEN", "REVIEW", "AWARDED", "COMPLETED"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="col-span-2 flex items-end md:col-span-1">
          <button type="submit" className="w-full rounded bg-brand-600 px-3 py-1.5 text-sm text-white">
            {t("f.apply")}
          </button>
        </div>
      </form>
      <p className="mb-3 text-sm text-slate-600">{t("total", { count: total })}</p>
      {items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("empty")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((c) => (
            <li key={c.id} data-testid="challenge-card" className="flex flex-col rounded-lg bg-white p-4 shadow-sm">
              <div className="mb-2 flex items-start justify-between gap-2">
                <Link href={`/challenges/${c.id}`} className="text-lg font-semibold text-brand-700 hover:underline">
                  {c.title}
                </Link>
                <Badge status={c.status}>{t(`status.${c.status}`)}</Badge>
              </div>
              <p className="mb-3 line-clamp-3 text-sm text-slate-700">{c.teaser}</p>
              <dl className="mt-auto grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">{t("bounty")}</dt>
                <dd className="font-semibold text-brand-700">{formatCny(c.bountyTotalCny, locale)}</dd>
                <dt className="text-slate-500">{t("deadline")}</dt>
                <dd>{c.status === "OPEN" ? <Countdown deadline={c.applicationDeadline} labels={countdown} /> : t("countdown.closed")}</dd>
                <dt className="text-slate-500">{t("applications")}</dt>
                <dd data-testid="application-count">{c.applicationCount}</dd>
                <dt className="text-slate-500">{t("field")}</dt>
                <dd>
                  {c.field}
                  {c.region ? ` · ${c.region}` : ""}
                </dd>
              </dl>
              {c.visibility === "CONFIDENTIAL" && <p className="mt-2 text-xs text-amber-700">{t("ndaTeaser")}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
