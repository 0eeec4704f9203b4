import { withApi } from "@/lib/api/with-api";
import { getDealOperation } from "./openapi";
import { getDeal } from "@/lib/deals/get-deal";
import { clientIpFrom } from "@/lib/http/client-ip";

// GET /api/v1/deals/{id} : the deal as the caller may see it, with its timeline and messages
// (404 for anyone outside the deal). A full read of the need on it is audited (via "deal").
export const GET = withApi<{ id: string }>(async ({ actor, params, request }) =>
  getDealOperation.json(await getDeal(actor, params.id, new Date(), { ip: clientIpFrom(request.headers) })),
);
