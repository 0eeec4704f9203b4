import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { decideAccessOperation } from "./openapi";
import { decideAccess } from "@/lib/access/decide-access";
import { decideAccessSchema } from "@/lib/access/schemas";
import { clientIpFrom } from "@/lib/http/client-ip";
import { parseOrThrow } from "@/lib/validation/parse-input";

// PATCH /api/v1/access-requests/{id} : approve or decline a pending request with a reason code.
export const PATCH = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const input = parseOrThrow(decideAccessSchema, await readJsonBody(request));
  const decided = await decideAccess(actor, params.id, input, { ip: clientIpFrom(request.headers) });
  return decideAccessOperation.json({ ...decided, expiresAt: decided.expiresAt?.toISOString() ?? null });
});
