import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OrgName } from "@/components/orgs/org-name";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { listOrganisationsForVerification } from "@/lib/orgs/verify-organisation";
import { can } from "@/lib/policy";
import { VerifyOrganisationForm } from "./verify-form";

export default async function OrganisationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/admin/organisations");
  if (!can(actor, "org.verify")) notFound();
  const t = await getTranslations({ locale, namespace: "orgs" });
  const orgs = await listOrganisationsForVerification(actor);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <ul className="divide-y divide-slate-200" data-testid="organisations">
        {orgs.map((o) => (
          <li key={o.id} className="py-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                <OrgName name={o.name} verified={o.verifiedAt !== null} />
              </span>
              <span className="text-slate-500">
                {t(`kind${o.kind}`)} · {t("members", { count: o.members })} · {dateTime.format(o.createdAt)}
              </span>
            </div>
            {o.verifiedAt ? (
              <p className="mt-1 text-slate-600">
                {t("verifiedLine", { code: o.registrationCode ?? "—", at: dateTime.format(o.verifiedAt), by: o.verifiedBy ?? t("operator") })}
              </p>
            ) : (
              <div className="mt-2">
                <ClientMessages namespaces={["orgs"]}>
                  <VerifyOrganisationForm locale={locale} organisationId={o.id} code={o.registrationCode} />
                </ClientMessages>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
