import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">404</h1>
      <p className="mt-2">{t("notFound")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  );
}
