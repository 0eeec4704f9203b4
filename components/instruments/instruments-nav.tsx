import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { can, type MaybeActor } from "@/lib/policy";

/** The links between the instrument pages. */
export async function InstrumentsNav({ locale, actor, current }: { locale: string; actor: MaybeActor; current: string }) {
  const t = await getTranslations({ locale, namespace: "instruments.nav" });
  const links = [
    { href: "/instruments", label: t("search"), show: true },
    { href: "/instruments/bookings", label: t("bookings"), show: !!actor },
    { href: "/instruments/manage", label: t("manage"), show: can(actor, "instrument.create") },
    { href: "/instruments/new", label: t("new"), show: can(actor, "instrument.create") },
    { href: "/instruments/import", label: t("import"), show: can(actor, "instrument.import") },
    {
      href: "/instruments/partners",
      label: t("partners"),
      show: !!actor?.organisationId && can(actor, "instrument.partners", { organisationId: actor.organisationId }),
    },
    { href: "/instruments/metrics", label: t("metrics"), show: true },
  ];
  return (
    <nav aria-label={t("label")} className="mb-4 flex flex-wrap gap-1 text-sm">
      {links
        .filter((l) => l.show)
        .map((l) => (
          <Link
            key={l.href}
            href={l.href}
            aria-current={l.href === current ? "page" : undefined}
            className={`rounded px-3 py-1.5 ${l.href === current ? "bg-brand-600 text-white" : "border border-slate-300 bg-white hover:bg-slate-50"}`}
          >
            {l.label}
          </Link>
        ))}
    </nav>
  );
}
