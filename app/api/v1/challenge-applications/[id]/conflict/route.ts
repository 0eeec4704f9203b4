import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { declareChallengeConflictOperation } from "./openapi";
import { declareConflict } from "@/lib/challenges/review";
import { conflictSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-applications/{id}/conflict {note?} : a panel member declares a conflict of interest.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { note } = parseOrThrow(conflictSchema, await readJsonBody(request));
  return declareChallengeConflictOperation.json(await declareConflict(actor, params.id, note));
});
