import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { awardChallengeOperation } from "./openapi";
import { awardChallenge } from "@/lib/challenges/award";
import { awardSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenges/{id}/award {version, awards:[{applicationId, reason}], others:[{applicationId, reason}]}
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) =>
  awardChallengeOperation.json(await awardChallenge(actor, params.id, parseOrThrow(awardSchema, await readJsonBody(request)))),
);
