import { pageQuerySchema } from "@/lib/api/query-schemas";
import { readJsonBody } from "@/lib/api/read-json";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { listNeedsOperation, createNeedOperation } from "./openapi";
import { createNeed } from "@/lib/needs/create-need";
import { clientIpFrom } from "@/lib/http/client-ip";
import { viewNeed } from "@/lib/needs/view-need";
import { listNeeds } from "@/lib/needs/list-needs";
import { createNeedSchema } from "@/lib/needs/schemas";
import { authorize } from "@/lib/policy";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/needs?page=&pageSize= : the needs the caller may discover, newest first.
export const GET = withApi(async ({ actor, request }) => {
  const { page, pageSize } = readQuery(request, pageQuerySchema);
  const { items, total } = await listNeeds(actor, { page, pageSize });
  return listNeedsOperation.json({ items, total, page, pageSize });
});

// POST /api/v1/needs : 201 with the new need as the caller sees it.
export const POST = withApi(async ({ actor, request }) => {
  authorize(actor, "need.create");
  const input = parseOrThrow(createNeedSchema, await readJsonBody(request));
  const { id } = await createNeed(actor, input);
  const need = await viewNeed(actor, id, { ip: clientIpFrom(request.headers), via: "api" });
  return createNeedOperation.json(need, { headers: { Location: `/api/v1/needs/${encodeURIComponent(id)}` } });
});
