import { z } from "zod";

// One schema for the "save this search" form (and any future API).
export const saveSearchSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  q: z.string().trim().min(1).max(500),
  type: z.enum(["needs", "results"]),
});
export type SaveSearchInput = z.output<typeof saveSearchSchema>;
