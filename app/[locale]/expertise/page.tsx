import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { getMyExpertise } from "@/lib/results/expertise";
import { ExpertiseForm } from "./expertise-form";

export default async function ExpertisePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/expertise");
  if (!can(actor, "expertise.edit")) notFound();
  const profile = await getMyExpertise(actor);
  const t = await getTranslations({ locale, namespace: "expertise" });
  const initial = {
    fields: profile?.fields.join("\n") ?? "",
    methods: profile?.methods.join("\n") ?? "",
    equipment: profile?.equipment.join("\n") ?? "",
    pastProjects: profile?.pastProjects ?? "",
  };
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-slate-600">{t("intro")}</p>
      <ExpertiseForm locale={locale} initial={initial} />
    </section>
  );
}
