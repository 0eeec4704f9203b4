import { getTranslations } from "next-intl/server";
import { StateForm } from "@/components/form/state-form";
import type { BrokerHelpState } from "@/lib/needs/broker-help";
import { brokerHelpAction } from "./broker-help-actions";

// The owner's "ask a broker for help" (提交经纪人审核) switch, saying what it opens to whom.
export async function BrokerHelpPanel({ locale, needId, state }: { locale: string; needId: string; state: BrokerHelpState }) {
  const t = await getTranslations({ locale, namespace: "brokerHelp" });
  const asked = state.requestedAt !== null;
  return (
    <section aria-labelledby="broker-help-heading" className="rounded-lg bg-white p-4 shadow-sm" data-testid="broker-help">
      <h2 id="broker-help-heading" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{asked ? t("askedSince", { date: state.requestedAt!.slice(0, 10) }) : t("explain")}</p>
      <p className="mt-1 text-sm text-slate-600">{state.broker ? t("assigned", { name: state.broker.name }) : t("noBroker")}</p>
      {state.canChange && (
        <StateForm action={brokerHelpAction.bind(null, locale)} className="mt-3">
          <input type="hidden" name="needId" value={needId} />
          <input type="hidden" name="ask" value={asked ? "no" : "yes"} />
          <button
            type="submit"
            className={asked ? "rounded border border-slate-400 px-3 py-1.5 text-sm" : "rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700"}
          >
            {t(asked ? "withdraw" : "ask")}
          </button>
        </StateForm>
      )}
    </section>
  );
}
