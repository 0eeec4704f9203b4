import { getTranslations } from "next-intl/server";
import { When } from "@/components/time/when";
import type { ThreadView } from "@/lib/access/access-thread";

// A confidential message thread. Company-side authors are "anonymous company" to the researcher
// until both sides accepted an introduction (senderLabel null).
export async function MessageThread({ thread, locale }: { thread: ThreadView; locale: string }) {
  const t = await getTranslations({ locale, namespace: "access" });
  if (thread.messages.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="thread">
        {t("noMessages")}
      </p>
    );
  return (
    <ol className="space-y-2" data-testid="thread">
      {thread.messages.map((m) => (
        <li key={m.id} className={`rounded p-3 ${m.mine ? "bg-brand-50" : "bg-slate-50"}`}>
          <p className="text-xs text-slate-500">
            {m.mine ? t("you") : (m.senderLabel ?? (m.side === "owner" ? t("anonymousCompany") : t("researcher")))} · <When at={m.createdAt} />
          </p>
          <p className="mt-1 whitespace-pre-line">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
