import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { transitionChallengeOperation } from "./openapi";
import { moveChallenge } from "@/lib/challenges/manage-challenge";
import { challengeMoveSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenges/{id}/transitions {to: OPEN|REVIEW|CANCELLED, version, reason?} : 200 {status, version}; 409 illegal or stale.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) =>
  transitionChallengeOperation.json(await moveChallenge(actor, params.id, parseOrThrow(challengeMoveSchema, await readJsonBody(request)))),
);
