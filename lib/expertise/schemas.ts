import { z } from "zod";
import { keywordsSchema, optionalText } from "@/lib/validation/common";

// A researcher's expertise profile: lists arrive as arrays (API) or comma/顿号-separated text (form).
export const expertiseSchema = z.strictObject({
  fields: keywordsSchema.default([]),
  methods: keywordsSchema.default([]),
  equipment: keywordsSchema.default([]),
  pastProjects: optionalText(5_000),
});
export type ExpertiseInput = z.output<typeof expertiseSchema>;
