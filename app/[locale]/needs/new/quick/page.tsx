import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { NeedForm } from "./need-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function NewNeedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/needs/new/quick");
  if (!can(actor, "need.create")) notFound();
  const t = await getTranslations({ locale, namespace: "need" });
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("newTitle")}</h1>
      <ClientMessages namespaces={["access", "form", "need"]}>
        <NeedForm locale={locale} />
      </ClientMessages>
    </section>
  );
}
