"use server";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { isAppError, unauthenticated, type FieldErrors } from "@/lib/errors";
import { userFieldsOf, userMessageOf } from "@/lib/forms/form-state";
import { toLocale } from "@/i18n/locale";
import { logger } from "@/lib/logger";
import { saveNeedDraft } from "@/lib/needs/save-need-draft";
import { needDraftSchema, NEED_INPUT_FIELDS, updateNeedSchema } from "@/lib/needs/schemas";
import { suggestForNeed, type NeedSuggestions } from "@/lib/needs/suggest-for-need";
import { transitionNeed } from "@/lib/needs/transition-need";
import { updateNeed } from "@/lib/needs/update-need";
import type { NeedAction } from "@/lib/needs/lifecycle";
import { parseInput } from "@/lib/validation/parse-input";

export type WizardValues = Record<string, string> & { keywords?: never };
export type WizardPayload = { values: Record<string, string>; keywords: string[]; collaborationModes: string[] };
export type SaveOutcome = { ok: boolean; id?: string; fields?: FieldErrors; message?: string };

function toInput(payload: WizardPayload) {
  const input: Record<string, unknown> = { keywords: payload.keywords, collaborationModes: payload.collaborationModes };
  for (const k of NEED_INPUT_FIELDS) if (k in payload.values) input[k] = payload.values[k];
  delete input.lang;
  return input;
}

async function failure(error: unknown): Promise<SaveOutcome> {
  if (isAppError(error) && error.status < 500) return { ok: false, message: await userMessageOf(error), fields: await userFieldsOf(error) };
  logger.error({ err: error }, "wizard action failed");
  return { ok: false, message: "error" };
}

// Autosave: whatever is valid is saved; invalid fields are left out and reported, so a typo in
// the budget never loses the text above it.
export async function autosaveNeedAction(locale: string, target: { needId?: string; visitId?: string }, payload: WizardPayload): Promise<SaveOutcome> {
  const uiLocale = toLocale(locale);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const input = toInput(payload);
    let parsed = parseInput(needDraftSchema, input, uiLocale);
    let fields: FieldErrors | undefined;
    if (!parsed.ok) {
      fields = parsed.fields;
      for (const key of Object.keys(parsed.fields)) delete input[key.split(".")[0]!];
      parsed = parseInput(needDraftSchema, input, uiLocale);
      if (!parsed.ok) return { ok: false, fields };
    }
    const { id } = await saveNeedDraft(actor, { needId: target.needId ?? null, visitId: target.visitId ?? null }, parsed.data);
    return { ok: !fields, id, fields };
  } catch (error) {
    return failure(error);
  }
}

// Saving a published need: the full rules apply (no partial saves of live content).
export async function saveNeedChangesAction(locale: string, needId: string, payload: WizardPayload): Promise<SaveOutcome> {
  const uiLocale = toLocale(locale);
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    const parsed = parseInput(updateNeedSchema, toInput(payload), uiLocale);
    if (!parsed.ok) return { ok: false, fields: parsed.fields };
    await updateNeed(actor, needId, parsed.data);
  } catch (error) {
    return failure(error);
  }
  redirect(`/${locale}/needs/${needId}`);
}

export async function transitionNeedAction(locale: string, needId: string, action: NeedAction): Promise<SaveOutcome> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw unauthenticated();
    await transitionNeed(actor, needId, action);
  } catch (error) {
    return failure(error);
  }
  redirect(`/${locale}/needs/${needId}`);
}

export async function suggestAction(input: { title: string; text: string; keywords: string[]; excludeId?: string }): Promise<NeedSuggestions | null> {
  const actor = await getCurrentActor();
  if (!actor) return null;
  const clean = {
    title: String(input.title ?? "").slice(0, 200),
    text: String(input.text ?? "").slice(0, 20_000),
    keywords: Array.isArray(input.keywords) ? input.keywords.filter((k) => typeof k === "string").slice(0, 20) : [],
    excludeId: typeof input.excludeId === "string" ? input.excludeId : undefined,
  };
  return suggestForNeed(actor, clean);
}
