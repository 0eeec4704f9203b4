import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { recordChallengeMilestonePaymentOperation } from "./openapi";
import { recordMilestonePayment } from "@/lib/challenges/milestones";
import { paymentSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-milestones/{id}/payment {version, amountCny} : the sponsor records the payment of an accepted milestone.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) =>
  recordChallengeMilestonePaymentOperation.json(await recordMilestonePayment(actor, params.id, parseOrThrow(paymentSchema, await readJsonBody(request)))),
);
