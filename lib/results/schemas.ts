import { z } from "zod";
import { keywordsSchema, modesSchema, optionalText, trlSchema } from "@/lib/validation/common";

export const createResultSchema = z.strictObject({
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
});
export type CreateResultInput = z.output<typeof createResultSchema>;
