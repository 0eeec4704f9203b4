import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { respondToIntroductionOperation } from "./openapi";
import { respondToIntroduction } from "@/lib/deals/respond";
import { respondSchema } from "@/lib/deals/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/deals/{id}/respond {decision: accept|decline, reason?, version} : a party answers.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const input = parseOrThrow(respondSchema, await readJsonBody(request));
  return respondToIntroductionOperation.json(await respondToIntroduction(actor, params.id, input));
});
