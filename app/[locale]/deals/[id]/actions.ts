"use server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { recordContract } from "@/lib/deals/contract";
import { recordOutcome } from "@/lib/deals/follow-up";
import { postDealMessage } from "@/lib/deals/messages";
import { respondToIntroduction } from "@/lib/deals/respond";
import { contractSchema, messageSchema, outcomeSchema, respondSchema, transitionSchema } from "@/lib/deals/schemas";
import { transitionDeal } from "@/lib/deals/transition";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction, text } from "@/lib/forms/run-form-action";

const path = (id: string) => `/deals/${id}`;

export async function respondAction(locale: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "deal" });
  const input = { decision: text(fd, "decision"), reason: text(fd, "reason"), note: text(fd, "note"), version: text(fd, "version") };
  return runFormAction(
    locale,
    input,
    respondSchema,
    async (actor, data) => {
      const r = await respondToIntroduction(actor, id, data);
      return data.decision === "decline" ? t("declinedDone") : r.state === "INTRODUCED" ? t("bothAcceptedDone") : t("acceptedDone");
    },
    { revalidate: path(id) },
  );
}

export async function moveAction(locale: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "deal" });
  const input = { to: text(fd, "to"), reason: text(fd, "reason"), note: text(fd, "note"), version: text(fd, "version") };
  return runFormAction(
    locale,
    input,
    transitionSchema,
    async (actor, data) => {
      await transitionDeal(actor, id, data);
      return t("movedDone", { state: t(`state.${data.to}`) });
    },
    { revalidate: path(id) },
  );
}

export async function contractAction(locale: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "deal" });
  const milestones = [0, 1, 2]
    .map((i) => ({
      title: text(fd, `milestone${i}Title`),
      amountCny: text(fd, `milestone${i}Amount`),
      dueAt: text(fd, `milestone${i}Due`),
      paidAt: text(fd, `milestone${i}Paid`),
    }))
    .filter((m) => m.title || m.amountCny || m.dueAt || m.paidAt)
    .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));
  const input = {
    mode: text(fd, "mode"),
    valueCny: text(fd, "valueCny"),
    contractRegistrationNo: text(fd, "contractRegistrationNo"),
    signedAt: text(fd, "signedAt"),
    milestones,
    version: text(fd, "version"),
  };
  return runFormAction(
    locale,
    input,
    contractSchema,
    async (actor, data) => {
      await recordContract(actor, id, data);
      return t("contractDone");
    },
    { revalidate: path(id) },
  );
}

const outcomeForm = outcomeSchema.extend({ productLaunched: z.enum(["yes", "no"]).transform((v) => v === "yes") });

export async function outcomeAction(locale: string, id: string, followUpId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "deal" });
  const input = {
    productLaunched: text(fd, "productLaunched"),
    revenueCny: text(fd, "revenueCny"),
    patentsFiled: text(fd, "patentsFiled"),
    jobsCreated: text(fd, "jobsCreated"),
    notes: text(fd, "notes"),
  };
  return runFormAction(
    locale,
    input,
    outcomeForm,
    async (actor, data) => {
      await recordOutcome(actor, followUpId, data);
      return t("outcomeDone");
    },
    { revalidate: path(id) },
  );
}

export async function messageAction(locale: string, id: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const input = { body: text(fd, "body") ?? "" };
  return runFormAction(locale, input, messageSchema, async (actor, data) => void (await postDealMessage(actor, id, data.body)), { revalidate: path(id) });
}
