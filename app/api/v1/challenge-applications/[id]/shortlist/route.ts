import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { shortlistChallengeApplicationOperation } from "./openapi";
import { shortlistApplication } from "@/lib/challenges/applications";
import { shortlistSchema } from "@/lib/challenges/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/challenge-applications/{id}/shortlist {version, shortlisted} : the sponsor, in review.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { version, shortlisted } = parseOrThrow(shortlistSchema, await readJsonBody(request));
  return shortlistChallengeApplicationOperation.json(await shortlistApplication(actor, params.id, version, shortlisted));
});
