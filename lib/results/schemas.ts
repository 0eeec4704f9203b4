import { z } from "zod";
import { keywordsSchema, modesSchema, optionalText, trlSchema } from "@/lib/validation/common";

export const patentSchema = z.strictObject({
  number: z.string().trim().min(3).max(40),
  type: z.enum(["INVENTION", "UTILITY_MODEL", "DESIGN"]),
  status: z.enum(["GRANTED", "PENDING"]),
  jurisdiction: z.string().trim().min(2).max(10),
});
export type Patent = z.output<typeof patentSchema>;

// Patents arrive as an array (API) or as text (form, CSV): "number|type|status|jurisdiction",
// several separated by semicolons or line breaks.
export const patentsSchema = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    return v
      .split(/[;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((entry) => {
        const [number, type, status, jurisdiction] = entry.split("|").map((p) => p.trim());
        return { number, type: type?.toUpperCase(), status: status?.toUpperCase(), jurisdiction: jurisdiction?.toUpperCase() };
      });
  },
  z.array(patentSchema, { error: "v.patents" }).max(50),
);

const resultFields = {
  title: z.string().trim().min(4).max(200),
  summary: z.string().trim().min(20).max(5_000),
  description: optionalText(20_000),
  field: z.string().trim().min(2).max(100),
  keywords: keywordsSchema.default([]),
  lang: z.enum(["zh", "en"]).optional(),
  trl: trlSchema,
  transferModes: modesSchema.default([]),
  chainNodeId: optionalText(80),
  externalId: optionalText(100),
  advantages: optionalText(5_000),
  applicationScenarios: optionalText(5_000),
  patents: patentsSchema.default([]),
  priceExpectation: optionalText(200),
  lab: optionalText(200),
  team: optionalText(1_000),
};

export const createResultSchema = z.strictObject(resultFields);
/** The text inputs of the result form (transfer modes are checkboxes, read with getAll). */
export const RESULT_FORM_FIELDS = [
  "title",
  "summary",
  "description",
  "field",
  "keywords",
  "trl",
  "chainNodeId",
  "advantages",
  "applicationScenarios",
  "patents",
  "priceExpectation",
  "lab",
  "team",
  "externalId",
] as const;
// Callers inside the app may leave out patents (stored as []).
export type CreateResultInput = Omit<z.output<typeof createResultSchema>, "patents"> & { patents?: Patent[] };

// The edit form sends every field (a blank optional field clears it) plus the version it was
// loaded at: a stale edit is refused with 409 instead of overwriting someone else's change.
export const updateResultSchema = createResultSchema.extend({
  version: z.coerce.number().int().min(1),
});
export type UpdateResultInput = z.output<typeof updateResultSchema>;
