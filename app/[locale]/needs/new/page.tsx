import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { findLastOwnDraft } from "@/lib/needs/last-draft";
import { can } from "@/lib/policy";
import { listTaxonomy } from "@/lib/taxonomy/list-taxonomy";
import { getMyVisit } from "@/lib/visits/create-visit";
import { Link } from "@/i18n/navigation";
import { When } from "@/components/time/when";
import { NeedWizard } from "../_wizard/need-wizard";
import { ClientMessages } from "@/components/i18n/client-messages";

// The guided wizard. Companies draft their own needs; a broker drafts one after a visit (?visit=).
export default async function NewNeedPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ visit?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { visit: visitId } = await searchParams;
  const actor = await requireActorForPage(locale, "/needs/new");
  const t = await getTranslations({ locale, namespace: "wizard" });
  const tv = await getTranslations({ locale, namespace: "visit" });
  let visit: Awaited<ReturnType<typeof getMyVisit>> | null = null;
  if (visitId && can(actor, "visit.create")) {
    visit = await getMyVisit(actor, visitId).catch((e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    });
  } else if (!can(actor, "need.create")) notFound();
  const [taxonomy, lastDraft] = await Promise.all([listTaxonomy(), visit ? null : findLastOwnDraft(actor)]);
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">{visit ? t("brokerHeading") : t("heading")}</h1>
      {visit ? (
        <div className="mb-6 text-slate-600" data-testid="visit-context">
          <p>
            {visit.organisation.name} · <When at={visit.visitedOn} show="date" /> · {t("visitPeople", { people: visit.peopleMet })}
          </p>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">{tv("fromVisit")}</summary>
            <p className="mt-1 whitespace-pre-line rounded bg-slate-50 p-2">{visit.notes}</p>
          </details>
        </div>
      ) : (
        <p className="mb-6 text-slate-600">
          {t("intro")}{" "}
          <Link href="/needs/new/quick" className="text-sm text-brand-700 underline">
            {t("quickForm")}
          </Link>
        </p>
      )}
      {lastDraft && (
        <div className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4" data-testid="continue-draft">
          <p>
            {t("continueDraft", {
              title: lastDraft.title || t("untitledDraft"),
              date: new Date(lastDraft.updatedAt).toLocaleString(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <p className="mt-2 flex flex-wrap items-center gap-3">
            <Link href={`/needs/${lastDraft.id}/wizard`} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("continueDraftButton")}
            </Link>
            <span className="text-sm text-slate-600">{t("orStartNew")}</span>
          </p>
        </div>
      )}
      <ClientMessages namespaces={["need", "wizard"]}>
        <NeedWizard
          locale={locale}
          taxonomy={taxonomy}
          mode={visit ? "broker" : "company"}
          visitId={visit?.id}
          maxMb={MAX_ATTACHMENT_MB}
          // A visit's notes open in the problem description: what the broker heard becomes the draft.
          initial={{
            needId: null,
            status: null,
            values: visit ? { description: visit.notes } : {},
            keywords: [],
            collaborationModes: [],
            teaserFields: [],
            attachments: [],
          }}
        />
      </ClientMessages>
    </section>
  );
}
