import { withApi } from "@/lib/api/with-api";
import { getResultOperation } from "./openapi";
import { getResult } from "@/lib/results/get-result";

// GET /api/v1/results/{id} : 404 for another organisation's unpublished result.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => {
  return getResultOperation.json(await getResult(actor, params.id));
});
