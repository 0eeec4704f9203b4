import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { recordChallengeOutcomeOperation } from "./openapi";
import { recordChallengeOutcome } from "@/lib/challenges/outcome";
import { outcomeSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenges/{id}/outcome : the outcome evaluation at completion (monthsAfter 0) or 12 months after.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) =>
  recordChallengeOutcomeOperation.json(await recordChallengeOutcome(actor, params.id, parseOrThrow(outcomeSchema, await readJsonBody(request))), {
    status: 201,
  }),
);
