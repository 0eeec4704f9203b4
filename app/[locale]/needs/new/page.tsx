import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { listTaxonomy } from "@/lib/taxonomy/list-taxonomy";
import { getMyVisit } from "@/lib/visits/create-visit";
import { Link } from "@/i18n/navigation";
import { NeedWizard } from "../wizard/need-wizard";
import { ClientMessages } from "@/components/i18n/client-messages";

// The guided wizard. Companies draft their own needs; a broker drafts one after a visit (?visit=).
export default async function NewNeedPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ visit?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { visit: visitId } = await searchParams;
  const actor = await requireActorForPage(locale, "/needs/new");
  const t = await getTranslations({ locale, namespace: "wizard" });
  let visit: Awaited<ReturnType<typeof getMyVisit>> | null = null;
  if (visitId && can(actor, "visit.create")) {
    visit = await getMyVisit(actor, visitId).catch((e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    });
  } else if (!can(actor, "need.create")) notFound();
  const taxonomy = await listTaxonomy();
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">{visit ? t("brokerHeading") : t("heading")}</h1>
      {visit ? (
        <p className="mb-6 text-slate-600">
          {visit.organisation.name} · {visit.visitedOn.toISOString().slice(0, 10)} · {t("visitPeople", { people: visit.peopleMet })}
        </p>
      ) : (
        <p className="mb-6 text-slate-600">
          {t("intro")}{" "}
          <Link href="/needs/new/quick" className="text-sm text-brand-700 underline">
            {locale === "en" ? "Quick form" : "简易表单"}
          </Link>
        </p>
      )}
      <ClientMessages namespaces={["need", "wizard"]}>
        <NeedWizard
          locale={locale}
          taxonomy={taxonomy}
          mode={visit ? "broker" : "company"}
          visitId={visit?.id}
          maxMb={MAX_ATTACHMENT_MB}
          initial={{ needId: null, status: null, values: {}, keywords: [], collaborationModes: [], attachments: [] }}
        />
      </ClientMessages>
    </section>
  );
}
