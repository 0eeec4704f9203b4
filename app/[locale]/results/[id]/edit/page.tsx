import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { listResultAttachments } from "@/lib/attachments/attachments";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/policy";
import { getResult } from "@/lib/results/get-result";
import { chainNodeOptions } from "@/lib/taxonomy/list-taxonomy";
import { ResultForm } from "../../new/result-form";
import { ClientMessages } from "@/components/i18n/client-messages";

// The result's organisation edits it with the create form; for anyone else the page does not exist.
export default async function EditResultPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, `/results/${id}/edit`);
  const result = await getResult(actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  if (!can(actor, "result.update", { organisationId: result.organisation.id, status: result.status })) notFound();
  const t = await getTranslations({ locale, namespace: "result" });
  const initial: Record<string, string> = {
    title: result.title,
    summary: result.summary,
    description: result.description ?? "",
    field: result.field,
    keywords: result.keywords.join(", "),
    trl: result.trl?.toString() ?? "",
    transferModes: result.transferModes.join(","),
    chainNodeId: result.chainNode?.id ?? "",
    advantages: result.advantages ?? "",
    applicationScenarios: result.applicationScenarios ?? "",
    patents: result.patents.map((p) => [p.number, p.type, p.status, p.jurisdiction].join("|")).join("; "),
    priceExpectation: result.priceExpectation ?? "",
    lab: result.lab ?? "",
    team: result.team ?? "",
    externalId: result.externalId ?? "",
  };
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("editTitle")}</h1>
      <ClientMessages namespaces={["form", "need", "result", "wizard"]}>
        <ResultForm
          locale={locale}
          maxMb={MAX_ATTACHMENT_MB}
          chainNodes={await chainNodeOptions(locale)}
          edit={{ resultId: result.id, version: result.version, initial, attachments: await listResultAttachments(result.id) }}
        />
      </ClientMessages>
    </section>
  );
}
