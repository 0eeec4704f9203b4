import { getTranslations } from "next-intl/server";
import { HandHelping, Heart } from "lucide-react";
import { Link } from "@/i18n/navigation";
import type { MaybeActor } from "@/lib/policy";
import { findOwnContact } from "@/lib/contacts/contact-thread";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ContactForm } from "./contact-form";

// "我有方案 / I can help" under a need, "感兴趣 / I'm interested" under a result. A visitor is
// asked to sign in (or up) and comes back to this page with the form open; a member who may
// write (`allowed`, from the policy) gets the form, or a link to the request they already sent.
export async function ContactBox({
  actor,
  locale,
  target,
  targetId,
  allowed,
  open,
}: {
  actor: MaybeActor;
  locale: string;
  target: "need" | "result";
  targetId: string;
  allowed: boolean;
  open: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "contact" });
  const Icon = target === "need" ? HandHelping : Heart;
  const label = t(target === "need" ? "offer" : "interest");
  if (!actor) {
    const back = `/${locale}/${target === "need" ? "needs" : "results"}/${targetId}?contact=1`;
    return (
      <section className="rounded-lg border border-brand-100 bg-brand-50 p-4" data-testid="contact-visitor">
        <p className="flex items-center gap-2 font-medium text-slate-800">
          <Icon aria-hidden className="h-5 w-5 text-brand-700" />
          {t(target === "need" ? "visitorNeed" : "visitorResult")}
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <Link
            href={{ pathname: "/sign-in", query: { callbackUrl: back } }}
            className="rounded bg-brand-600 px-4 py-2 text-white hover:bg-brand-700"
            data-testid="contact-sign-in"
          >
            {t("signInTo", { action: label })}
          </Link>
          <Link
            href={{ pathname: "/sign-up", query: { callbackUrl: back } }}
            className="rounded border border-brand-600 px-4 py-2 text-brand-700 hover:bg-white"
          >
            {t("signUpTo")}
          </Link>
        </div>
      </section>
    );
  }
  const own = await findOwnContact(actor, target === "need" ? { needId: targetId } : { resultId: targetId });
  if (own)
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="contact-own">
        {t("alreadySent", { status: own.status })}{" "}
        <Link href={`/contacts/${own.id}`} className="text-brand-700 underline">
          {t("openRequest")}
        </Link>
      </p>
    );
  if (!allowed) return null;
  return (
    <ClientMessages namespaces={["contact"]}>
      <ContactForm locale={locale} target={target} targetId={targetId} open={open} />
    </ClientMessages>
  );
}
