import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { revokeAccessOperation } from "./openapi";
import { revokeAccess } from "@/lib/access/revoke-access";
import { revokeAccessSchema } from "@/lib/access/schemas";
import { clientIpFrom } from "@/lib/http/client-ip";
import { parseOrThrow } from "@/lib/validation/parse-input";

// POST /api/v1/access-requests/{id}/revoke : end an approved grant now.
export const POST = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const input = parseOrThrow(revokeAccessSchema, await readJsonBody(request));
  return revokeAccessOperation.json(await revokeAccess(actor, params.id, input, { ip: clientIpFrom(request.headers) }));
});
