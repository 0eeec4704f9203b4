import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { decideChallengeMilestoneOperation } from "./openapi";
import { decideMilestone } from "@/lib/challenges/milestones";
import { decideMilestoneSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-milestones/{id}/decision {version, accept, reason?} : sponsor or unconflicted panel member.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) =>
  decideChallengeMilestoneOperation.json(await decideMilestone(actor, params.id, parseOrThrow(decideMilestoneSchema, await readJsonBody(request)))),
);
