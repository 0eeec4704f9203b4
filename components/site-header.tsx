import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/policy";
import { countUnreadNotifications } from "@/lib/notifications/read-notifications";
import { SignOutButton } from "./sign-out-button";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tApp = await getTranslations({ locale, namespace: "app" });
  const actor = await getCurrentActor();
  const unread = actor && can(actor, "notification.read") ? await countUnreadNotifications(actor) : 0;
  const link = "rounded px-2 py-1 hover:bg-brand-50 hover:text-brand-700";
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 py-3 text-sm" aria-label="main">
        <Link href="/" className="mr-4 text-lg font-semibold text-brand-700">
          {tApp("name")}
        </Link>
        <Link href="/challenges" className={link}>
          {t("challenges")}
        </Link>
        {actor && (
          <>
            <Link href="/needs" className={link}>
              {t("needs")}
            </Link>
            <Link href="/results" className={link}>
              {t("results")}
            </Link>
            <Link href="/search" className={link}>
              {t("search")}
            </Link>
            {can(actor, "need.create") && (
              <Link href="/needs/new" className={link}>
                {t("newNeed")}
              </Link>
            )}
            {can(actor, "result.create") && (
              <Link href="/results/new" className={link}>
                {t("newResult")}
              </Link>
            )}
            {can(actor, "result.import") && (
              <Link href="/results/import" className={link}>
                {t("importResults")}
              </Link>
            )}
            {can(actor, "visit.create") && (
              <Link href="/visits" className={link}>
                {t("visits")}
              </Link>
            )}
            {can(actor, "broker.workbench") && (
              <Link href="/broker" className={link}>
                {t("broker")}
              </Link>
            )}
            {can(actor, "deal.list") && (
              <Link href="/deals" className={link}>
                {t("deals")}
              </Link>
            )}
            {can(actor, "researcher.dashboard") && (
              <Link href="/dashboard" className={link}>
                {t("dashboard")}
              </Link>
            )}
            {can(actor, "expertise.update") && (
              <Link href="/expertise" className={link}>
                {t("expertise")}
              </Link>
            )}
            {can(actor, "broker.candidates") && (
              <Link href="/broker/candidates" className={link}>
                {t("candidates")}
              </Link>
            )}
            {can(actor, "analytics.read") && (
              <Link href="/analytics" className={link}>
                {t("analytics")}
              </Link>
            )}
            {can(actor, "admin.outbox") && (
              <Link href="/admin/outbox" className={link}>
                {t("outbox")}
              </Link>
            )}
            {can(actor, "admin.jobs") && (
              <Link href="/admin/jobs" className={link}>
                {t("jobs")}
              </Link>
            )}
            {can(actor, "audit.export") && (
              <Link href="/admin/audit" className={link}>
                {t("auditLog")}
              </Link>
            )}
            {can(actor, "staff.list") && (
              <Link href="/admin/roles" className={link}>
                {t("staffRoles")}
              </Link>
            )}
            {can(actor, "org.verify") && (
              <Link href="/admin/organisations" className={link}>
                {t("organisations")}
              </Link>
            )}
          </>
        )}
        <span className="ml-auto flex items-center gap-2">
          <Suspense fallback={null}>
            <LanguageSwitch label={t("language")} />
          </Suspense>
          {actor ? (
            <>
              {can(actor, "notification.read") && (
                <Link href="/notifications" className={`${link} relative`} data-testid="notification-bell" aria-label={`${t("notifications")} (${unread})`}>
                  <span aria-hidden>🔔</span>
                  {unread > 0 && (
                    <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white" data-testid="unread-badge">
                      {unread > 99 ? "99+" : unread}
                    </span>
                  )}
                </Link>
              )}
              <Link href="/account" className={link} data-testid="current-user">
                {actor.name ?? actor.email}
              </Link>
              <SignOutButton label={t("signOut")} locale={locale} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={link}>
                {t("signIn")}
              </Link>
              <Link href="/sign-up" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
                {t("signUp")}
              </Link>
            </>
          )}
        </span>
      </nav>
    </header>
  );
}
