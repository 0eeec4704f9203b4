import { z } from "zod";
import { orgKindSchema } from "@/lib/validation/common";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Monitor filters (query string of /monitor and /monitor/nodes/[id], and the export routes). */
export const monitorFiltersSchema = z.object({
  chain: z.preprocess(blank, z.string().max(64).optional()),
  // /monitor?node=x opens that node's portrait (the filter form's node choice)
  node: z.preprocess(blank, z.string().max(64).optional()),
  region: z.preprocess(blank, z.string().max(64).optional()),
  orgKind: z.preprocess(blank, orgKindSchema.optional()),
  // months shown (the score always uses the whole history for its stocks)
  period: z.preprocess(blank, z.enum(["6", "12", "24", "36"]).default("24")),
});
export type MonitorFilters = z.output<typeof monitorFiltersSchema>;

export function parseMonitorFilters(query: Record<string, string | string[] | undefined>): MonitorFilters {
  const flat = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = monitorFiltersSchema.safeParse(flat);
  return parsed.success ? parsed.data : monitorFiltersSchema.parse({});
}

export const createKeyListSchema = z.object({ title: z.string().trim().min(1).max(120), note: z.preprocess(blank, z.string().trim().max(2000).optional()) });
export const addKeyItemSchema = z.object({
  listId: z.string().min(1).max(64),
  chainNodeId: z.string().min(1).max(64),
  needIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  annotation: z.preprocess(blank, z.string().trim().max(2000).optional()),
});
export const annotateKeyItemSchema = z.object({ itemId: z.string().min(1).max(64), annotation: z.preprocess(blank, z.string().trim().max(2000).optional()) });
export const keyItemSchema = z.object({ itemId: z.string().min(1).max(64) });
