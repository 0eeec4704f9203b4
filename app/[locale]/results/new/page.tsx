import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { MAX_ATTACHMENT_MB } from "@/lib/attachments/sniff";
import { can } from "@/lib/policy";
import { chainNodeOptions } from "@/lib/taxonomy/list-taxonomy";
import { ResultForm } from "./result-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function NewResultPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/results/new");
  if (!can(actor, "result.create")) notFound();
  const t = await getTranslations({ locale, namespace: "result" });
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("newTitle")}</h1>
      <ClientMessages namespaces={["form", "need", "result", "wizard"]}>
        <ResultForm locale={locale} maxMb={MAX_ATTACHMENT_MB} chainNodes={await chainNodeOptions(locale)} />
      </ClientMessages>
    </section>
  );
}
