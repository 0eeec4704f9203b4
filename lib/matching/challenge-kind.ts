import "server-only";
import type { SubjectKind } from "./kinds";
import { queueChallengeSnapshotRefreshes } from "./challenge-snapshot";

// Challenges (揭榜挂帅 calls) as a subject kind (copied from need-kind.ts; see kinds.ts). A call is
// matched to research results (and through them and expertise profiles to researchers) like a
// need, its matches stored per version (challenge-snapshot.ts).
//
// No `affectedByResult`: the matcher searches results and needs, not calls, so which calls a new
// result belongs in is not known without matching every call again. Calls are few and short-lived;
// their snapshots are recomputed when published and whenever one is served past its freshness
// window (CHALLENGE_SNAPSHOT.freshForMs), which bounds how long a new result stays out of a list.
export const CHALLENGE_KIND: SubjectKind = {
  name: "challenge",
  queueRefreshes: queueChallengeSnapshotRefreshes,
};
