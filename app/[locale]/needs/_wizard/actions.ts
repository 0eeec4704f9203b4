"use server";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { NEED_ACTIONS } from "@/lib/needs/lifecycle";
import { saveNeedDraft } from "@/lib/needs/save-need-draft";
import { needDraftSchema, updateNeedSchema } from "@/lib/needs/schemas";
import { suggestForNeed, type NeedSuggestions } from "@/lib/needs/suggest-for-need";
import { transitionNeed } from "@/lib/needs/transition-need";
import { updateNeed } from "@/lib/needs/update-need";
import { idSchema } from "@/lib/validation/common";

// The wizard's actions; its fields arrive as one input object (values, keywords and modes).
const needPage = ({ input }: { input: { needId: string } }) => `/needs/${input.needId}`;

// Autosave: whatever is valid is saved; invalid fields are left out and reported (status
// "error" with `fields` and the draft's id in `data`), so a typo in the budget never loses the
// text above it. The first save creates the draft (of a broker's visit with visitId).
export const autosaveNeedAction = memberAction
  .schema(needDraftSchema.safeExtend({ needId: idSchema.optional(), visitId: idSchema.optional() }), { keepValid: true })
  .action(async ({ actor, input: { needId, visitId, ...draft } }) => {
    const { id } = await saveNeedDraft(actor, { needId: needId ?? null, visitId: visitId ?? null }, draft);
    return { id };
  });

// Saving a published need: the full rules apply (no partial saves of live content).
export const saveNeedChangesAction = memberAction
  .schema(updateNeedSchema.safeExtend({ needId: idSchema }))
  .redirect(needPage)
  .action(async ({ actor, input: { needId, ...changes } }) => {
    await updateNeed(actor, needId, changes);
  });

// The owner's lifecycle buttons (the wizard's publish and the need page's actions).
export const transitionNeedAction = memberAction
  .schema(z.strictObject({ needId: idSchema, action: z.enum(NEED_ACTIONS) }))
  .redirect(needPage)
  .action(async ({ actor, input }) => {
    await transitionNeed(actor, input.needId, input.action);
  });

const clipped = (max: number) => z.string().transform((s) => s.slice(0, max));
const suggestSchema = z.strictObject({
  title: clipped(200).default(""),
  text: clipped(20_000).default(""),
  keywords: z
    .array(z.string())
    .transform((k) => k.slice(0, 20))
    .default([]),
  excludeId: idSchema.optional(),
});

// Keywords, chain nodes and similar results/needs for what is typed so far (data: NeedSuggestions).
export const suggestAction = memberAction.schema(suggestSchema).action(async ({ actor, input }): Promise<NeedSuggestions> => suggestForNeed(actor, input));
