import { z } from "zod";
import { collaborationModeSchema } from "@/lib/validation/common";

// Query-string parameters of the REST API. Values arrive as strings; whole numbers are converted
// here, so the generated OpenAPI parameters show the real types (integer, bounds, defaults).
// Unknown parameters are rejected like unknown body fields: a typo (`pagesize`) must not be
// silently ignored.
const queryInt = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number().int().min(min).max(max).default(fallback),
  );

export const MAX_PAGE = 1_000;

export const pageQuerySchema = z.strictObject({
  page: queryInt(1, MAX_PAGE, 1).describe("1-based page number"),
  pageSize: queryInt(1, 100, 20).describe("Items per page"),
});
export type PageQuery = z.output<typeof pageQuerySchema>;

export const SEARCH_TYPES = ["needs", "results"] as const;

const optionalParam = (schema: z.ZodString) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const optionalQueryInt = (min: number, max: number) =>
  z.preprocess((v) => (v === "" ? undefined : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max).optional());

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).default("").describe("Search words (Chinese or English); empty lists everything"),
  type: z.enum(SEARCH_TYPES).describe("What to search"),
  page: queryInt(1, MAX_PAGE, 1).describe("1-based page number"),
  limit: queryInt(1, 50, 20).describe("Hits per page"),
  sort: z.enum(["relevance", "newest"]).default("relevance").describe("Order of the hits"),
  chainId: optionalParam(z.string().trim().max(64)).describe("Only this industry chain"),
  chainNodeId: optionalParam(z.string().trim().max(64)).describe("Only this industry chain node"),
  field: optionalParam(z.string().trim().max(80)).describe("Only this technical field (exact)"),
  region: optionalParam(z.string().trim().max(80)).describe("Only this region (exact)"),
  lang: z.enum(["zh", "en"]).optional().describe("Only items written in this language"),
  trlMin: optionalQueryInt(1, 9).describe("Lowest technology readiness level (1-9)"),
  trlMax: optionalQueryInt(1, 9).describe("Highest technology readiness level (1-9)"),
  collaborationModes: z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(collaborationModeSchema).max(7).optional(),
    )
    .describe("Comma-separated collaboration / transfer modes; an item matches when it offers any of them"),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const matchesQuerySchema = z.strictObject({
  limit: queryInt(1, 50, 10).describe("How many matching results to return"),
});
export type MatchesQuery = z.output<typeof matchesQuerySchema>;

// URLSearchParams -> plain object. A repeated parameter becomes an array, which the (string)
// schemas then reject instead of silently using one of the values.
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
