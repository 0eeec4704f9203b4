import "server-only";
import type { Actor } from "@/lib/policy";

// The seam to the challenges domain (揭榜挂帅, built in parallel by the "challenges" helper, which
// exposes `createChallengeDraft(actor, { title, problem, chainNodeId?, needIds? })` in
// lib/challenges). The monitor calls only this interface; the lead wires the real function at
// merge by replacing `challengeDrafts` below with:
//
//   import { createChallengeDraft } from "@/lib/challenges";
//   export const challengeDrafts: ChallengeDrafts = { available: true, create: (a, d) => createChallengeDraft(a, d) };
//
// Until then the button is hidden (`available: false`) and a call is refused with a keyed error.

export type ChallengeDraftInput = { title: string; problem: string; chainNodeId?: string; needIds?: string[] };
export type ChallengeDrafts = {
  available: boolean;
  create: (actor: Actor, draft: ChallengeDraftInput) => Promise<{ id: string }>;
};

export const challengeDrafts: ChallengeDrafts = {
  available: false,
  create: async () => {
    const { AppError } = await import("@/lib/errors");
    throw new AppError("CONFLICT", { key: "monitor.challengesUnavailable" });
  },
};
