import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { transitionDealOperation } from "./openapi";
import { transitionSchema } from "@/lib/deals/schemas";
import { transitionDeal } from "@/lib/deals/transition";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/deals/{id}/transitions {to, version, reason?, note?} : 200 {state, version};
// 422 for a move the pipeline does not allow; 409 when `version` is not the deal's current one.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const input = parseOrThrow(transitionSchema, await readJsonBody(request));
  return transitionDealOperation.json(await transitionDeal(actor, params.id, input));
});
