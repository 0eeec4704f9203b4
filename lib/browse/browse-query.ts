// The list pages' URL parameters (pure): facets, sort and page live in the URL so a filtered
// list can be shared. Anything malformed is dropped rather than failing the page.
import { z } from "zod";
import { collaborationModeSchema } from "@/lib/validation/common";

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

export const browseQuerySchema = z.object({
  chain: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional()
    .catch(undefined),
  node: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional()
    .catch(undefined),
  field: text(100),
  region: text(60),
  trl: z.coerce.number().int().min(1).max(9).optional().catch(undefined),
  mode: collaborationModeSchema.optional().catch(undefined),
  status: z.enum(["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "SOLVED", "CLOSED", "EXPIRED", "WITHDRAWN"]).optional().catch(undefined),
  sort: z.enum(["newest", "oldest", "trl", "budget", "deadline"]).default("newest").catch("newest"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type BrowseQuery = z.output<typeof browseQuerySchema>;
export const FACET_KEYS = ["chain", "node", "field", "region", "trl", "mode", "status"] as const;

export function parseBrowseQuery(params: Record<string, string | string[] | undefined>): BrowseQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return browseQuerySchema.parse(flat);
}

/** The URL query for a list page: the current query with `change` applied (undefined removes). */
export function browseHref(current: BrowseQuery, change: Partial<Record<keyof BrowseQuery, string | number | undefined>>): Record<string, string> {
  const merged: Record<string, unknown> = { ...current, page: undefined, ...change };
  if (merged.sort === "newest") delete merged.sort;
  if (merged.page === 1) delete merged.page;
  // Choosing a chain clears a node of another chain.
  if ("chain" in change && current.node && !String(current.node).startsWith(`${change.chain}.`)) delete merged.node;
  return Object.fromEntries(
    Object.entries(merged)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
}

export type FacetCount = { value: string; count: number };
export type Facets = Partial<Record<"chain" | "node" | "field" | "region" | "trl" | "mode" | "status", FacetCount[]>>;
