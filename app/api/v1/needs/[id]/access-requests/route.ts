import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { listNeedAccessRequestsOperation, requestAccessOperation } from "./openapi";
import { getOwnAccessRequest, listNeedAccessRequests } from "@/lib/access/list-access-requests";
import { requestAccess } from "@/lib/access/request-access";
import { requestAccessSchema } from "@/lib/access/schemas";
import { clientIpFrom } from "@/lib/http/client-ip";
import { can } from "@/lib/policy";
import { findNeedRow } from "@/lib/needs/get-need";
import { needFactsOf } from "@/lib/needs/present-need";
import { parseOrThrow } from "@/lib/validation/parse-input";

type Params = { id: string };

// GET: the owner (or the broker acting for them) gets every request on the need; anyone else
// their own request (or null).
export const GET = withApi<Params>(async ({ actor, params }) => {
  const row = await findNeedRow(actor, params.id);
  if (row && can(actor, "need.manageAccess", needFactsOf(row)))
    return listNeedAccessRequestsOperation.json({ items: await listNeedAccessRequests(actor, params.id) });
  return listNeedAccessRequestsOperation.json({ own: await getOwnAccessRequest(actor, params.id) });
});

// POST: a researcher asks for access, accepting the NDA version they read.
export const POST = withApi<Params>(async ({ actor, params, request }) => {
  const input = parseOrThrow(requestAccessSchema, await readJsonBody(request));
  const created = await requestAccess(actor, params.id, input, { ip: clientIpFrom(request.headers) });
  return requestAccessOperation.json(created);
});
