"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { setBrokerHelp } from "@/lib/needs/broker-help";

const empty = z.strictObject({});

/** The owner asks for (ask=true) or withdraws (ask=false) a broker's help on a need. */
export async function brokerHelpAction(locale: string, needId: string, ask: boolean): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "brokerHelp" });
  return runFormAction(locale, {}, empty, async (actor) => void (await setBrokerHelp(actor, needId, ask)), {
    revalidate: `/needs/${needId}`,
    successMessage: t(ask ? "askedDone" : "withdrawnDone"),
  });
}
