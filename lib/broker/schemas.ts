import { z } from "zod";
import { keywordsSchema } from "@/lib/validation/common";

// Empty form and URL fields mean "no filter".
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const queueFilterSchema = z.object({
  view: z.enum(["new", "stale", "mine", "all"]).default("new"),
  chain: z.preprocess(blank, z.string().max(80).optional()),
  region: z.preprocess(blank, z.string().max(60).optional()),
  minAgeDays: z.preprocess(blank, z.coerce.number().int().min(0).max(3650).optional()),
  maxAgeDays: z.preprocess(blank, z.coerce.number().int().min(0).max(3650).optional()),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** Handing a need over to another broker, named by their email. */
export const handOverSchema = z.strictObject({ brokerEmail: z.email().max(200) });
export type HandOverInput = z.output<typeof handOverSchema>;

export const clarifySchema = z.strictObject({ question: z.string().trim().min(5).max(2_000) });

export const proposeEditSchema = z
  .strictObject({
    title: z.string().trim().min(4).max(200).optional(),
    description: z.string().trim().min(20).max(20_000).optional(),
    field: z.string().trim().min(2).max(100).optional(),
    keywords: keywordsSchema.optional(),
    note: z.string().trim().max(2_000).optional(),
  })
  .refine((v) => v.title !== undefined || v.description !== undefined || v.field !== undefined || v.keywords !== undefined, {
    message: "v.noChange",
    path: ["_"],
  });
export type ProposeEditInput = z.output<typeof proposeEditSchema>;
