import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { getNeedForEdit } from "@/lib/needs/need-edit-view";
import { listTaxonomy } from "@/lib/taxonomy/list-taxonomy";
import { NeedWizard } from "../../_wizard/need-wizard";
import { ClientMessages } from "@/components/i18n/client-messages";

// Continue a draft (also after a reload: the wizard moves here once the draft is first saved),
// confirm a broker's draft, or edit a published need.
export default async function EditNeedPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}/wizard`);
  const need = await getNeedForEdit(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "wizard" });
  const taxonomy = await listTaxonomy();
  const isBroker = !need.canTransition;
  return (
    <section>
      <h1 className="mb-2 text-2xl font-semibold">{need.status === "DRAFT" ? t("heading") : t("editHeading")}</h1>
      {need.draftedByBroker && (
        <div className="mb-6 rounded bg-amber-50 p-4 text-amber-900" data-testid="broker-draft-notice">
          <p>{t("brokerDraftNotice", { name: need.draftedByBroker.name, date: need.draftedByBroker.visitedOn })}</p>
          <p className="mt-1 text-sm">{t("visitPeople", { people: need.draftedByBroker.peopleMet })}</p>
        </div>
      )}
      <ClientMessages namespaces={["need", "wizard"]}>
        <NeedWizard
          locale={locale}
          taxonomy={taxonomy}
          mode={isBroker ? "broker" : "company"}
          maxMb={MAX_ATTACHMENT_MB}
          brokerDrafted={need.draftedByBroker !== null}
          initial={{
            needId: need.id,
            status: need.status,
            values: need.values,
            keywords: need.keywords,
            collaborationModes: need.collaborationModes,
            teaserFields: need.teaserFields,
            attachments: need.attachments,
          }}
        />
      </ClientMessages>
    </section>
  );
}
