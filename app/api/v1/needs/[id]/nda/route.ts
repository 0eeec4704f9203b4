import { withApi } from "@/lib/api/with-api";
import { getNeedNdaOperation } from "./openapi";
import { getCurrentNda } from "@/lib/access/get-nda";

// GET /api/v1/needs/{id}/nda : the NDA version a researcher accepts when asking for access.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => {
  return getNeedNdaOperation.json(await getCurrentNda(actor, params.id));
});
