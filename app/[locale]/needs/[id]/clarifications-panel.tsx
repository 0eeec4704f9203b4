import { getFormatter, getTranslations } from "next-intl/server";
import { Field } from "@/components/form/field";
import { StateForm } from "@/components/form/state-form";
import { WHEN_OPTIONS } from "@/components/time/when";
import type { ClarificationView } from "@/lib/needs/clarifications";
import { answerClarificationAction } from "./clarify-actions";

// The broker's questions on the owner's need page, each with its answer or a reply box.
export async function ClarificationsPanel({
  locale,
  needId,
  items,
  canAnswer,
  viewer = "owner",
}: {
  locale: string;
  needId: string;
  items: ClarificationView[];
  canAnswer: boolean;
  /** The owner answers; the broker's triage page shows the answers. */
  viewer?: "owner" | "broker";
}) {
  const t = await getTranslations({ locale, namespace: "clarify" });
  const format = await getFormatter({ locale });
  const when = (iso: string) => format.dateTime(new Date(iso), WHEN_OPTIONS.dateTime);
  return (
    <section id="clarifications" aria-labelledby="clarifications-heading" className="rounded-lg bg-white p-4 shadow-sm" data-testid="clarifications">
      <h2 id="clarifications-heading" className="font-semibold">
        {t(viewer === "owner" ? "title" : "brokerTitle")}
      </h2>
      {viewer === "owner" && <p className="mt-1 text-sm text-slate-600">{t("explain")}</p>}
      <ul className="mt-3 space-y-4">
        {items.map((c) => (
          <li key={c.id} className="border-t border-slate-200 pt-3" data-testid="clarification">
            <p className="text-xs text-slate-500">{t("askedBy", { name: c.askedBy, date: when(c.askedAt) })}</p>
            <p className="mt-1 whitespace-pre-line">{c.question}</p>
            {canAnswer ? (
              // One form per question for the owner, answered or not: it stays mounted when the
              // page is refreshed with the answer, so its "sent" message stays on screen.
              <StateForm action={answerClarificationAction.bind(null, locale)} className="mt-2">
                {c.answer !== null ? (
                  <Answer label={t("answered", { date: when(c.answeredAt!) })} text={c.answer} />
                ) : (
                  <>
                    <input type="hidden" name="needId" value={needId} />
                    <input type="hidden" name="clarificationId" value={c.id} />
                    <Field name="answer" label={t("answer")} hint={t("answerHint")} multiline rows={3} required />
                    <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
                      {t("send")}
                    </button>
                  </>
                )}
              </StateForm>
            ) : c.answer !== null ? (
              <Answer label={t("answered", { date: when(c.answeredAt!) })} text={c.answer} />
            ) : (
              <p className="mt-1 text-sm text-slate-500">{t("waiting")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Answer({ label, text }: { label: string; text: string }) {
  return (
    <div className="mt-2 rounded bg-slate-50 p-2 text-sm">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="mt-1 whitespace-pre-line">{text}</p>
    </div>
  );
}
