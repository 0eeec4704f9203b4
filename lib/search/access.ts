// Which index a viewer may search. Pure.
import type { IndexKind } from "./config";

export type ViewerRole = "COMPANY" | "RESEARCHER" | "BROKER" | "ADMIN" | "ANALYST";
/** `id` lets search re-check need hits against the viewer's own access grants. */
export type Viewer = {
  id?: string;
  role: ViewerRole;
  organisationId: string | null;
  brokerPortfolio?: { regions: string[]; chainIds: string[] } | null;
} | null;

export const isBrokerView = (viewer: Viewer): boolean => viewer?.role === "BROKER" || viewer?.role === "ADMIN";

/** Brokers and admins search `needs_broker` (every need incl. BROKER_ONLY); everyone else `needs`. */
export function needsIndexFor(viewer: Viewer): Extract<IndexKind, "needs" | "needs_broker"> {
  return isBrokerView(viewer) ? "needs_broker" : "needs";
}
