import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can, type Actor } from "@/lib/policy";

type Section = { href: string; label: "staffRoles" | "organisations" | "jobs" | "outbox" | "auditLog"; allowed: (actor: Actor) => boolean };

const SECTIONS: Section[] = [
  { href: "/admin/roles", label: "staffRoles", allowed: (a) => can(a, "staff.list") },
  { href: "/admin/organisations", label: "organisations", allowed: (a) => can(a, "org.verify") },
  { href: "/admin/jobs", label: "jobs", allowed: (a) => can(a, "admin.jobs") },
  { href: "/admin/outbox", label: "outbox", allowed: (a) => can(a, "admin.outbox") },
  { href: "/admin/audit", label: "auditLog", allowed: (a) => can(a, "audit.export") },
];

// /admin: the administration pages this user may open (a 404 for everyone else).
export default async function AdminIndexPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/admin");
  const sections = SECTIONS.filter((s) => s.allowed(actor));
  if (sections.length === 0) notFound();
  const t = await getTranslations({ locale, namespace: "nav" });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("admin")}</h1>
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="admin-sections">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50">
              {t(s.label)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
