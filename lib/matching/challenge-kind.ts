import "server-only";
import type { SubjectKind } from "./kinds";
import { openChallengeIds, queueChallengeSnapshotRefreshes } from "./challenge-snapshot";

// Challenges (揭榜挂帅 calls) as a subject kind (copied from need-kind.ts; see kinds.ts). A call is
// matched to research results (and through them and expertise profiles to researchers) like a
// need, its matches stored per version (challenge-snapshot.ts).
//
// No `affectedByResult`: the matcher searches results and needs, not calls, so which calls a new
// result belongs in is not known without matching every call again. Open calls are few and
// short-lived, so a published result has every open call matched again (`liveSubjects`), and the
// owners newly matched are told (once per call: the notification's dedupe key).
export const CHALLENGE_KIND: SubjectKind = {
  name: "challenge",
  liveSubjects: openChallengeIds,
  queueRefreshes: queueChallengeSnapshotRefreshes,
};
