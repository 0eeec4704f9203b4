import "server-only";
import { prisma } from "@/lib/db";
import type { SubjectKind } from "./kinds";
import { matchesOrThrow } from "./match-safely";
import { matchNeedsForResult } from "./matcher";
import { queueSnapshotRefreshes } from "./need-snapshot";

// Needs as a subject kind (the file to copy for a new kind: see kinds.ts).

/** Matches fetched per result to find the needs it may belong to. */
const AFFECTED_PER_RESULT = 20;

// Searches every live need (the broker index), confidential and broker-only ones included: the
// list only decides which stored need snapshots to refresh; who hears of it is lib/alerts's call.
const ALL_NEEDS = { role: "BROKER", organisationId: null } as const;

export const NEED_KIND: SubjectKind = {
  name: "need",
  affectedByResult: (resultId) =>
    matchesOrThrow("needs_broker", () => matchNeedsForResult(prisma, resultId, { viewer: ALL_NEEDS, limit: AFFECTED_PER_RESULT })),
  queueRefreshes: queueSnapshotRefreshes,
};
