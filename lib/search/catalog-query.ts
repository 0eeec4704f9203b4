import { z } from "zod";

// One schema for the search page's URL and the REST API's query string.
export const catalogQuerySchema = z.object({
  q: z.string().trim().max(500).default(""),
  type: z.enum(["needs", "results"]).default("results"),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type CatalogQueryInput = z.output<typeof catalogQuerySchema>;
