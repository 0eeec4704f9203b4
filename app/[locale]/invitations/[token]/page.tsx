import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { findOpenInvitation } from "@/lib/orgs/accept-invitation";
import { AcceptForm } from "./accept-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { UnverifiedMark } from "@/components/orgs/org-name";

export default async function InvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const invitation = await findOpenInvitation(token);
  if (!invitation) notFound();
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-semibold">
        {t("invitationTitle", { org: invitation.organisation.name })}
        {invitation.organisation.verifiedAt === null && <UnverifiedMark />}
      </h1>
      <p className="mb-6 text-sm text-slate-600">{invitation.email}</p>
      <ClientMessages namespaces={["auth"]}>
        <AcceptForm locale={locale} token={token} />
      </ClientMessages>
    </section>
  );
}
