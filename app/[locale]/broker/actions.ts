"use server";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clarifySchema, captureNeedSchema, handOverSchema, proposeEditSchema, visitSchema } from "@/lib/broker/schemas";
import { claimNeed, handOverNeed, markNeedReady, proposeNeedEdit, requestClarification } from "@/lib/broker/triage";
import { captureNeedDraft, logVisit } from "@/lib/broker/visits";
import { introduceResearcher } from "@/lib/deals/introduce";
import { introduceSchema } from "@/lib/deals/schemas";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction, text } from "@/lib/forms/run-form-action";

const needPath = (id: string) => `/broker/needs/${id}`;
const empty = z.strictObject({});

export async function assignToMeAction(locale: string, needId: string): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  return runFormAction(locale, {}, empty, async (actor) => void (await claimNeed(actor, needId)), {
    revalidate: needPath(needId),
    successMessage: t("assignedDone"),
  });
}

export async function handOverAction(locale: string, needId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  return runFormAction(
    locale,
    { brokerEmail: text(fd, "brokerEmail") ?? "" },
    handOverSchema,
    async (actor, d) => void (await handOverNeed(actor, needId, d.brokerEmail)),
    { revalidate: needPath(needId), successMessage: t("handOverDone") },
  );
}

export async function markReadyAction(locale: string, needId: string): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  return runFormAction(locale, {}, empty, async (actor) => void (await markNeedReady(actor, needId)), {
    revalidate: needPath(needId),
    successMessage: t("readyDone"),
  });
}

export async function clarifyAction(locale: string, needId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  return runFormAction(
    locale,
    { question: text(fd, "question") ?? "" },
    clarifySchema,
    async (actor, d) => void (await requestClarification(actor, needId, d.question)),
    { revalidate: needPath(needId), successMessage: t("clarifyDone") },
  );
}

export async function proposeEditAction(locale: string, needId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  const input = {
    title: text(fd, "title"),
    description: text(fd, "description"),
    field: text(fd, "field"),
    keywords: text(fd, "keywords"),
    note: text(fd, "note"),
  };
  return runFormAction(locale, input, proposeEditSchema, async (actor, d) => void (await proposeNeedEdit(actor, needId, d)), {
    revalidate: needPath(needId),
    successMessage: t("proposeDone"),
  });
}

export async function introduceAction(locale: string, needId: string, resultId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  let dealId: string | undefined;
  const state = await runFormAction(
    locale,
    { needId, resultId, respondWithinDays: text(fd, "respondWithinDays"), note: text(fd, "note") },
    introduceSchema,
    async (actor, d) => {
      dealId = (await introduceResearcher(actor, d)).id;
    },
  );
  if (dealId) redirect(`/${locale}/deals/${dealId}`);
  return state;
}

export async function logVisitAction(locale: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  const input = {
    organisationId: text(fd, "organisationId") ?? "",
    visitedOn: text(fd, "visitedOn") ?? "",
    peopleMet: text(fd, "peopleMet") ?? "",
    notes: text(fd, "notes") ?? "",
  };
  return runFormAction(locale, input, visitSchema, async (actor, d) => void (await logVisit(actor, d)), {
    revalidate: "/broker/visits",
    successMessage: t("visitDone"),
  });
}

export async function captureNeedAction(locale: string, visitId: string, _prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "broker" });
  const input = { title: text(fd, "title") ?? "", description: text(fd, "description") ?? "", field: text(fd, "field") ?? "" };
  return runFormAction(locale, input, captureNeedSchema, async (actor, d) => void (await captureNeedDraft(actor, visitId, d)), {
    revalidate: "/broker/visits",
    successMessage: t("captureDone"),
  });
}
