import { z } from "zod";
import { idSchema, keywordsSchema, modesSchema, optionalFutureDate, optionalInt, optionalText, trlSchema, visibilitySchema } from "@/lib/validation/common";
import { OPTIONAL_TEASER_FIELDS } from "./teaser-fields";
import { collaborationModesFromText, visibilityFromText } from "@/lib/import/labels";

// Form checkboxes arrive as one value or several; the API sends an array.
const teaserFieldsSchema = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.enum(OPTIONAL_TEASER_FIELDS)).max(OPTIONAL_TEASER_FIELDS.length));

const needFields = {
  title: z.string().trim().min(4).max(200),
  description: z.string().trim().min(20).max(20_000),
  field: z.string().trim().min(2).max(100),
  keywords: keywordsSchema.default([]),
  lang: z.enum(["zh", "en"]).optional(),
  visibility: visibilitySchema.default("PUBLIC"),
  teaser: optionalText(1_000),
  chainNodeId: optionalText(80),
  trlTarget: trlSchema,
  // The column is a 32-bit integer: up to 2 billion CNY.
  budgetMinCny: optionalInt(0, 2_000_000_000),
  budgetMaxCny: optionalInt(0, 2_000_000_000),
  collaborationModes: modesSchema.default([]),
  region: optionalText(60),
  triedSoFar: optionalText(5_000),
  desiredOutcome: optionalText(5_000),
  acceptanceCriteria: optionalText(5_000),
  constraints: optionalText(5_000),
  deadline: optionalFutureDate,
  // Which optional fields a confidential need shows in its teaser (title, teaser, chain and field always).
  teaserFields: teaserFieldsSchema.default([]),
  // Days an approved access grant lasts.
  accessDays: optionalInt(1, 730, "v.accessDays"),
  // The NDA researchers accept before asking for access; a changed text becomes a new version.
  ndaText: optionalText(20_000),
};

/** The need fields a form or the API may set (lifecycle fields are set by services). */
export const NEED_INPUT_FIELDS = Object.keys(needFields) as (keyof typeof needFields)[];

type Checkable = { budgetMinCny?: number | null; budgetMaxCny?: number | null; visibility?: string; teaser?: string | null };

function checkCrossField(v: Checkable, ctx: z.RefinementCtx) {
  if (v.budgetMinCny != null && v.budgetMaxCny != null && v.budgetMinCny > v.budgetMaxCny) {
    ctx.addIssue({ code: "custom", path: ["budgetMinCny"], message: "v.budgetRange" });
  }
  if (v.visibility === "CONFIDENTIAL" && !v.teaser) {
    ctx.addIssue({ code: "custom", path: ["teaser"], message: "v.teaserRequired" });
  }
}

// One schema for the web form and the REST API. Unknown fields are rejected.
export const createNeedSchema = z.strictObject(needFields).superRefine(checkCrossField);
export type CreateNeedInput = z.output<typeof createNeedSchema>;

// PATCH: every field optional, at least one present. Cross-field rules are checked again by the
// service on the merged row (a new minimum against the stored maximum).
export const updateNeedSchema = z
  .strictObject({
    title: needFields.title.optional(),
    description: needFields.description.optional(),
    field: needFields.field.optional(),
    keywords: keywordsSchema.optional(),
    lang: needFields.lang,
    visibility: visibilitySchema.optional(),
    teaser: needFields.teaser,
    chainNodeId: needFields.chainNodeId,
    trlTarget: needFields.trlTarget,
    budgetMinCny: needFields.budgetMinCny,
    budgetMaxCny: needFields.budgetMaxCny,
    collaborationModes: modesSchema.optional(),
    region: needFields.region,
    triedSoFar: needFields.triedSoFar,
    desiredOutcome: needFields.desiredOutcome,
    acceptanceCriteria: needFields.acceptanceCriteria,
    constraints: needFields.constraints,
    deadline: needFields.deadline,
    teaserFields: teaserFieldsSchema.optional(),
    accessDays: needFields.accessDays,
    ndaText: needFields.ndaText,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "v.noChange", path: ["_"] });
export type UpdateNeedInput = z.output<typeof updateNeedSchema>;

export const needCrossFieldSchema = z
  .object({})
  .passthrough()
  .superRefine((v, ctx) => checkCrossField(v as Checkable, ctx));

// A draft (wizard autosave): every field optional and only bounded, so half-typed text saves.
// Publishing checks the whole need against createNeedSchema.
export const needDraftSchema = z
  .strictObject({
    title: z.string().trim().max(200).default(""),
    description: z.string().trim().max(20_000).default(""),
    field: z.string().trim().max(100).default(""),
    keywords: keywordsSchema.default([]),
    visibility: needFields.visibility,
    teaser: needFields.teaser,
    chainNodeId: needFields.chainNodeId,
    trlTarget: needFields.trlTarget,
    budgetMinCny: needFields.budgetMinCny,
    budgetMaxCny: needFields.budgetMaxCny,
    collaborationModes: needFields.collaborationModes,
    region: needFields.region,
    triedSoFar: needFields.triedSoFar,
    desiredOutcome: needFields.desiredOutcome,
    acceptanceCriteria: needFields.acceptanceCriteria,
    constraints: needFields.constraints,
    deadline: needFields.deadline,
  })
  // The budget range is checked while drafting too (the wizard shows it at once); the teaser
  // rule waits for publishing.
  .superRefine((v, ctx) => checkCrossField({ budgetMinCny: v.budgetMinCny, budgetMaxCny: v.budgetMaxCny }, ctx));
export type NeedDraftInput = z.output<typeof needDraftSchema>;

export const visitSchema = z.strictObject({
  organisationId: z.string().trim().min(1).max(64),
  visitedOn: z.preprocess(
    (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : v),
    z.date({ error: "v.date" }).refine((d) => d.getTime() <= Date.now() + 24 * 60 * 60 * 1000, { error: "v.visitFuture" }),
  ),
  peopleMet: z.string().trim().min(2).max(1_000),
  notes: z.string().trim().min(2).max(10_000),
});
export type VisitInput = z.output<typeof visitSchema>;

/** The owner's answer to a broker's clarification request (needId only says which page to refresh). */
export const answerClarificationSchema = z.strictObject({
  needId: idSchema,
  clarificationId: idSchema,
  answer: z.string().trim().min(2).max(5_000),
});
export type AnswerClarificationInput = z.output<typeof answerClarificationSchema>;

// A row of a needs import file (issue 14): the wizard's publish rules (the same field schemas and
// cross-field checks), with spreadsheet words for visibility and collaboration modes. Brokers
// import for the companies they visited and name the company on each row.
const importRowFields = {
  title: needFields.title,
  description: needFields.description,
  field: needFields.field,
  keywords: needFields.keywords,
  visibility: z.preprocess(visibilityFromText, needFields.visibility),
  teaser: needFields.teaser,
  chainNodeId: needFields.chainNodeId,
  trlTarget: needFields.trlTarget,
  budgetMinCny: needFields.budgetMinCny,
  budgetMaxCny: needFields.budgetMaxCny,
  collaborationModes: z.preprocess(collaborationModesFromText, needFields.collaborationModes),
  region: needFields.region,
  triedSoFar: needFields.triedSoFar,
  desiredOutcome: needFields.desiredOutcome,
  acceptanceCriteria: needFields.acceptanceCriteria,
  constraints: needFields.constraints,
  deadline: needFields.deadline,
};
export const needImportRowSchema = z.strictObject(importRowFields).superRefine(checkCrossField);
export const brokerNeedImportRowSchema = z.strictObject({ ...importRowFields, company: z.string().trim().min(2).max(200) }).superRefine(checkCrossField);
export type NeedImportRow = z.output<typeof needImportRowSchema> & { company?: string };
