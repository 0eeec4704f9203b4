import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { recordDealContractOperation } from "./openapi";
import { recordContract } from "@/lib/deals/contract";
import { contractSchema } from "@/lib/deals/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/deals/{id}/contract {mode, valueCny, contractRegistrationNo, signedAt, milestones, version}
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const input = parseOrThrow(contractSchema, await readJsonBody(request));
  return recordDealContractOperation.json(await recordContract(actor, params.id, input));
});
