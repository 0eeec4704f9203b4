import { getTranslations, setRequestLocale } from "next-intl/server";
import { When } from "@/components/time/when";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { listMyVisits, listVisitableCompanies } from "@/lib/visits/create-visit";
import { VisitForm } from "./visit-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OrgName } from "@/components/orgs/org-name";

// A broker's company visits (the one visit page; /broker/visits redirects here): record one, then
// draft needs for the company to confirm in the wizard, which opens with the visit's notes.
export default async function VisitsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/visits");
  if (!can(actor, "visit.create")) notFound();
  const [companies, visits] = await Promise.all([listVisitableCompanies(actor), listMyVisits(actor)]);
  const t = await getTranslations({ locale, namespace: "visit" });
  const tb = await getTranslations({ locale, namespace: "browse" });
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
        <ClientMessages namespaces={["form", "visit"]}>
          <VisitForm locale={locale} companies={companies} />
        </ClientMessages>
      </section>
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h2 className="mb-1 text-xl font-semibold">{t("mine")}</h2>
        <p className="mb-4 text-sm">
          <Link href="/needs/import" className="text-brand-700 underline">
            {t("importNeeds")}
          </Link>
        </p>
        {visits.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-3" data-testid="visits">
            {visits.map((v) => (
              <li key={v.id} className="border-b border-slate-200 pb-2">
                <p className="font-medium">
                  <OrgName name={v.organisation.name} verified={v.organisation.verifiedAt !== null} /> · <When at={v.visitedOn} show="date" />
                </p>
                <p className="text-sm text-slate-600">
                  {t("peopleMet")}: {v.peopleMet}
                </p>
                <details className="text-sm">
                  <summary className="cursor-pointer text-slate-700">{t("notes")}</summary>
                  <p className="mt-1 whitespace-pre-line">{v.notes}</p>
                </details>
                <ul className="text-sm">
                  {v.needs.map((n) => (
                    <li key={n.id}>
                      {n.status === "DRAFT" ? (
                        <Link href={`/needs/${n.id}/wizard`} className="text-brand-700 underline">
                          {n.title || "—"}
                        </Link>
                      ) : (
                        <Link href={`/needs/${n.id}`} className="text-brand-700 underline">
                          {n.title}
                        </Link>
                      )}{" "}
                      · {tb(`statuses.${n.status}`)}
                    </li>
                  ))}
                </ul>
                <Link href={`/needs/new?visit=${v.id}`} className="text-sm text-brand-700 underline">
                  {v.needs.length ? t("draftNeed") : t("draftFirstNeed")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
