import { getTranslations } from "next-intl/server";
import { Info } from "lucide-react";
import { signInReasonFor } from "@/lib/auth/sign-in-reason";

// One sentence above the sign-in / sign-up form saying why the page the visitor came from needs
// an account, and that they will come back to it.
export async function SignInReasonNote({ locale, callbackUrl }: { locale: string; callbackUrl: string | null }) {
  const reason = signInReasonFor(callbackUrl);
  if (!reason) return null;
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <p className="mb-5 flex gap-2 rounded border border-brand-100 bg-brand-50 p-3 text-sm text-slate-800" role="note" data-testid="sign-in-reason">
      <Info aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-brand-700" />
      <span>
        {t(`why.${reason}`)} {t("whyReturn")}
      </span>
    </p>
  );
}
