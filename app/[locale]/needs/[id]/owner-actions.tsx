"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { NeedAction } from "@/lib/needs/lifecycle";
import { transitionNeedAction } from "../_wizard/actions";

// The owner's lifecycle buttons on a need's page.
// `id="reconfirm"` is where re-confirmation reminders link to; `dueSoon` (decided on the server)
// makes the deadline stand out.
export function OwnerActions({
  locale,
  needId,
  actions,
  reconfirmBy,
  dueSoon = false,
}: {
  locale: string;
  needId: string;
  actions: NeedAction[];
  reconfirmBy: string | null;
  dueSoon?: boolean;
}) {
  const t = useTranslations("needActions");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: NeedAction) =>
    startTransition(async () => {
      const out = await transitionNeedAction(locale, null, { needId, action });
      if (out.status === "error") setError(out.message ?? null);
    });
  return (
    <section id="reconfirm" className="scroll-mt-4 rounded-lg bg-white p-4 shadow-sm" data-testid="owner-actions">
      {reconfirmBy && (
        <p
          className={`mb-2 text-sm ${dueSoon ? "rounded bg-amber-50 p-2 font-medium text-amber-900" : "text-slate-700"}`}
          role={dueSoon ? "status" : undefined}
        >
          {t("reconfirmBy", { date: reconfirmBy.slice(0, 10) })}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Link href={`/needs/${needId}/wizard`} className="rounded border px-3 py-1.5">
          {t("edit")}
        </Link>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            disabled={pending}
            onClick={() => run(a)}
            className={`rounded px-3 py-1.5 ${a === "withdraw" ? "border border-red-300 text-red-700" : "bg-slate-800 text-white"}`}
          >
            {t(a)}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-red-600">
          {error}
        </p>
      )}
    </section>
  );
}
