import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/policy";
import { countUnreadNotifications } from "@/lib/notifications/read-notifications";
import { SignOutButton } from "./sign-out-button";
import { LanguageSwitch } from "./language-switch";
import { MobileMenu } from "./mobile-menu";
import { Bell } from "lucide-react";

// The administration pages are listed on /admin; the header links there once.
const ADMIN_PERMISSIONS = ["admin.outbox", "admin.jobs", "audit.export", "staff.list", "org.verify"] as const;

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tApp = await getTranslations({ locale, namespace: "app" });
  const actor = await getCurrentActor();
  const unread = actor && can(actor, "notification.read") ? await countUnreadNotifications(actor) : 0;
  const link = "block rounded px-2 py-1.5 hover:bg-brand-50 hover:text-brand-700 md:inline-block md:py-1";
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-3 text-sm" aria-label={t("main")}>
        <Link href="/" className="mr-2 shrink-0 text-lg font-semibold text-brand-700 md:mr-4">
          {tApp("name")}
        </Link>
        <MobileMenu label={t("menu")}>
          <div className="flex flex-col gap-1 md:flex-row md:flex-wrap md:items-center md:gap-2">
            {/* The public catalogue: for visitors and members alike. */}
            <Link href="/needs" className={link}>
              {t("needs")}
            </Link>
            <Link href="/results" className={link}>
              {t("results")}
            </Link>
            <Link href="/search" className={link}>
              {t("search")}
            </Link>
            <Link href="/challenges" className={link}>
              {t("challenges")}
            </Link>
            <Link href="/instruments" className={link}>
              {t("instruments")}
            </Link>
            <Link href="/metrics" className={link}>
              {t("metrics")}
            </Link>
            {actor && (
              // The member's own work: on a wide screen a row of its own under the catalogue (a
              // broker's or admin's dozen links no longer wrap the header into three ragged rows).
              <div
                className="flex flex-col gap-1 md:order-last md:w-full md:flex-row md:flex-wrap md:items-center md:gap-2 md:border-t md:border-slate-100 md:pt-2"
                data-testid="work-nav"
              >
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
                {can(actor, "contact.list") && (
                  <Link href="/contacts" className={link}>
                    {t("contacts")}
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
                {can(actor, "monitor.read") && (
                  <Link href="/monitor" className={link}>
                    {t("monitor")}
                  </Link>
                )}
                {ADMIN_PERMISSIONS.some((p) => can(actor, p)) && (
                  <Link href="/admin" className={link}>
                    {t("admin")}
                  </Link>
                )}
              </div>
            )}
            <span className="mt-2 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2 md:mt-0 md:ml-auto md:border-0 md:pt-0">
              <Suspense fallback={null}>
                <LanguageSwitch label={t("language")} />
              </Suspense>
              {actor ? (
                <>
                  <Link href="/account" className={`${link} max-w-[14rem] truncate`} data-testid="current-user">
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
          </div>
        </MobileMenu>
        {actor && can(actor, "notification.read") && (
          <Link
            href="/notifications"
            className="relative ml-auto flex shrink-0 items-center rounded px-2 py-1 hover:bg-brand-50 hover:text-brand-700 md:ml-0"
            data-testid="notification-bell"
            aria-label={`${t("notifications")} (${unread})`}
          >
            <Bell aria-hidden className="h-5 w-5" />
            {unread > 0 && (
              <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white" data-testid="unread-badge">
                {unread > 99 ? "99+" : unread}
              </span>
            )}
          </Link>
        )}
      </nav>
    </header>
  );
}
