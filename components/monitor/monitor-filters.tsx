import type { MonitorFilters } from "@/lib/monitor/schemas";

// The filters' form is components/monitor/monitor-filter-form.tsx (a client component); this
// module stays importable by server components.

/** The query string of a set of filters (links keep the filters from page to page). */
export function filterQuery(f: Partial<MonitorFilters>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
