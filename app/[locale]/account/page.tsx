import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireActorForPage } from "@/lib/auth/require-actor";
import { can } from "@/lib/policy";
import { invitationOptionsFor } from "@/lib/orgs/invite-member";
import { TokenForm } from "./token-form";
import { InviteForm } from "./invite-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActorForPage(locale, "/account");
  const t = await getTranslations({ locale, namespace: "account" });
  // Only the member roles the organisation's kind allows; staff roles are granted by the platform.
  const invitable = can(actor, "org.invite") ? (await invitationOptionsFor(actor)).roles : [];
  const roles = invitable.map((value) => ({ value, label: t(`role${value}`) }));
  return (
    <div className="space-y-6">
      <section className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mb-6 text-sm text-slate-600">{actor.email}</p>
        <h2 className="mb-3 text-lg font-semibold">{t("tokens")}</h2>
        <ClientMessages namespaces={["account"]}>
          <TokenForm locale={locale} />
        </ClientMessages>
      </section>
      {can(actor, "org.invite") && (
        <section className="rounded-lg bg-white p-6 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">{t("inviteTitle")}</h2>
          {roles.length > 0 ? (
            <ClientMessages namespaces={["account"]}>
              <InviteForm locale={locale} roles={roles} />
            </ClientMessages>
          ) : (
            <p className="text-sm text-slate-600">{t("inviteNone")}</p>
          )}
        </section>
      )}
    </div>
  );
}
