import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getCurrentNda } from "@/lib/access/get-nda";
import { isAppError } from "@/lib/errors";
import { requestIp } from "@/lib/http/request-ip";
import { viewNeed } from "@/lib/needs/view-need";
import { NeedForm } from "../../new/quick/need-form";
import { ClientMessages } from "@/components/i18n/client-messages";

// The owner edits a need: text, confidentiality level, teaser fields, access period and NDA.
export default async function EditNeedPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/needs/${id}/edit`);
  const need = await viewNeed(actor, id, { ip: await requestIp(), via: "page" }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  if (!need.isOwner || actor.role !== "COMPANY" || need.access !== "full" || !need.settings) notFound();
  const nda = await getCurrentNda(actor, id);
  const t = await getTranslations({ locale, namespace: "access" });
  const initial: Record<string, string> = {
    title: need.title,
    description: need.description ?? "",
    field: need.field,
    keywords: need.keywords.join(", "),
    visibility: need.visibility,
    teaser: need.teaser ?? "",
    teaserFields: need.settings.teaserFields.join(","),
    accessDays: String(need.settings.accessDays),
    ndaText: nda.text,
    trlTarget: need.trlTarget?.toString() ?? "",
    budgetMinCny: need.budgetMinCny?.toString() ?? "",
    budgetMaxCny: need.budgetMaxCny?.toString() ?? "",
    region: need.region ?? "",
  };
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("editNeed")}</h1>
      <ClientMessages namespaces={["access", "form", "need"]}>
        <NeedForm locale={locale} needId={need.id} initial={initial} />
      </ClientMessages>
    </section>
  );
}
