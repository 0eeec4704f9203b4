"use client";
import { Suspense } from "react";
import { Bell } from "lucide-react";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./language-switch";
import { MobileMenu } from "./mobile-menu";
import { SignOutButton } from "./sign-out-button";

/** A header link: where it goes and its label. */
export type NavLink = { href: string; label: string };

export type SiteNavProps = {
  locale: string;
  labels: { main: string; menu: string; language: string; signOut: string; signIn: string; signUp: string; appName: string; notifications: string };
  /** The public catalogue: for visitors and members alike. */
  catalogue: NavLink[];
  /** The member's own work (null for visitors): what their role may do. */
  work: NavLink[] | null;
  /** The signed-in user as shown in the header (null: a visitor). */
  account: { name: string } | null;
  /** Unread notifications (null: no bell). */
  unread: number | null;
};

const link = "block rounded px-2 py-1.5 hover:bg-brand-50 hover:text-brand-700 md:inline-block md:py-1";

/**
 * The site header's navigation as one client component fed a list of links (issue 18): the header
 * is on every page, and its ~20 links as separate client components were each serialised with their
 * props into every page's RSC payload. Which links a user gets is decided on the server
 * (components/site-header.tsx, by the policy); the HTML is the header's as before.
 */
export function SiteNav({ locale, labels, catalogue, work, account, unread }: SiteNavProps) {
  return (
    <nav className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-3 text-sm" aria-label={labels.main}>
      <Link href="/" className="mr-2 shrink-0 text-lg font-semibold text-brand-700 md:mr-4">
        {labels.appName}
      </Link>
      <MobileMenu label={labels.menu}>
        <div className="flex flex-col gap-1 md:flex-row md:flex-wrap md:items-center md:gap-2">
          {catalogue.map((l) => (
            <Link key={l.href} href={l.href} className={link}>
              {l.label}
            </Link>
          ))}
          {work && (
            // The member's own work: on a wide screen a row of its own under the catalogue (a
            // broker's or admin's dozen links no longer wrap the header into three ragged rows).
            <div
              className="flex flex-col gap-1 md:order-last md:w-full md:flex-row md:flex-wrap md:items-center md:gap-2 md:border-t md:border-slate-100 md:pt-2"
              data-testid="work-nav"
            >
              {work.map((l) => (
                <Link key={l.href} href={l.href} className={link}>
                  {l.label}
                </Link>
              ))}
            </div>
          )}
          <span className="mt-2 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2 md:mt-0 md:ml-auto md:border-0 md:pt-0">
            <Suspense fallback={null}>
              <LanguageSwitch label={labels.language} />
            </Suspense>
            {account ? (
              <>
                <Link href="/account" className={`${link} max-w-[14rem] truncate`} data-testid="current-user">
                  {account.name}
                </Link>
                <SignOutButton label={labels.signOut} locale={locale} />
              </>
            ) : (
              <>
                <Link href="/sign-in" className={link}>
                  {labels.signIn}
                </Link>
                <Link href="/sign-up" className="rounded bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
                  {labels.signUp}
                </Link>
              </>
            )}
          </span>
        </div>
      </MobileMenu>
      {unread !== null && (
        <Link
          href="/notifications"
          className="relative ml-auto flex shrink-0 items-center rounded px-2 py-1 hover:bg-brand-50 hover:text-brand-700 md:ml-0"
          data-testid="notification-bell"
          aria-label={`${labels.notifications} (${unread})`}
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
  );
}
