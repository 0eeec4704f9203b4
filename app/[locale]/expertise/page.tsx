import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { getMyExpertise } from "@/lib/expertise/expertise-profile";
import { can } from "@/lib/policy";
import { ExpertiseForm } from "./expertise-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function ExpertisePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/expertise");
  if (!can(actor, "expertise.update")) notFound();
  const profile = await getMyExpertise(actor);
  const t = await getTranslations({ locale, namespace: "expertise" });
  const sep = locale === "en" ? ", " : "、";
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("intro")}</p>
      <ClientMessages namespaces={["expertise"]}>
        <ExpertiseForm
          locale={locale}
          initial={{
            fields: profile.fields.join(sep),
            methods: profile.methods.join(sep),
            equipment: profile.equipment.join(sep),
            pastProjects: profile.pastProjects ?? "",
          }}
        />
      </ClientMessages>
    </section>
  );
}
