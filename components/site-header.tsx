import { getTranslations } from "next-intl/server";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/policy";
import { countUnreadNotifications } from "@/lib/notifications/read-notifications";
import { SiteNav, type NavLink } from "./site-nav";

// The administration pages are listed on /admin; the header links there once.
const ADMIN_PERMISSIONS = ["admin.outbox", "admin.jobs", "audit.export", "staff.list", "org.verify"] as const;

/** The public catalogue's links: for visitors and members alike. */
const CATALOGUE = ["needs", "results", "search", "challenges", "instruments", "metrics"] as const;

/** The member's own work, in header order: link, its label (nav namespace), shown if the actor may do any of the actions. */
const WORK = [
  { href: "/needs/new", label: "newNeed", any: ["need.create"] },
  { href: "/results/new", label: "newResult", any: ["result.create"] },
  { href: "/results/import", label: "importResults", any: ["result.import"] },
  { href: "/visits", label: "visits", any: ["visit.create"] },
  { href: "/broker", label: "broker", any: ["broker.workbench"] },
  { href: "/contacts", label: "contacts", any: ["contact.list"] },
  { href: "/deals", label: "deals", any: ["deal.list"] },
  { href: "/dashboard", label: "dashboard", any: ["researcher.dashboard"] },
  { href: "/expertise", label: "expertise", any: ["expertise.update"] },
  { href: "/broker/candidates", label: "candidates", any: ["broker.candidates"] },
  { href: "/analytics", label: "analytics", any: ["analytics.read"] },
  { href: "/monitor", label: "monitor", any: ["monitor.read"] },
  { href: "/admin", label: "admin", any: ADMIN_PERMISSIONS },
] as const;

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tApp = await getTranslations({ locale, namespace: "app" });
  const actor = await getCurrentActor();
  const bell = actor !== null && can(actor, "notification.read");
  const unread = bell ? await countUnreadNotifications(actor) : null;
  const catalogue: NavLink[] = CATALOGUE.map((key) => ({ href: `/${key}`, label: t(key) }));
  const work: NavLink[] | null = actor
    ? WORK.filter((w) => w.any.some((action) => can(actor, action))).map((w) => ({ href: w.href, label: t(w.label) }))
    : null;
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <SiteNav
        locale={locale}
        labels={{
          main: t("main"),
          menu: t("menu"),
          language: t("language"),
          signOut: t("signOut"),
          signIn: t("signIn"),
          signUp: t("signUp"),
          appName: tApp("name"),
          notifications: t("notifications"),
        }}
        catalogue={catalogue}
        work={work}
        account={actor ? { name: actor.name ?? actor.email } : null}
        unread={unread}
      />
    </header>
  );
}
