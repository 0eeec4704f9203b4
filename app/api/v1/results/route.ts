import { pageQuerySchema } from "@/lib/api/query-schemas";
import { readJsonBody } from "@/lib/api/read-json";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { listResultsOperation, createResultOperation } from "./openapi";
import { authorize } from "@/lib/policy";
import { createResult } from "@/lib/results/create-result";
import { getResult } from "@/lib/results/get-result";
import { listResults } from "@/lib/results/list-results";
import { createResultSchema } from "@/lib/results/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/results?page=&pageSize= : published results plus the caller's own, newest first.
export const GET = withApi(async ({ actor, request }) => {
  const { page, pageSize } = readQuery(request, pageQuerySchema);
  const { items, total } = await listResults(actor, { page, pageSize });
  return listResultsOperation.json({ items, total, page, pageSize });
});

// POST /api/v1/results : researchers and brokers; 201 with the new result.
export const POST = withApi(async ({ actor, request }) => {
  authorize(actor, "result.create");
  const input = parseOrThrow(createResultSchema, await readJsonBody(request));
  const { id } = await createResult(actor, input);
  const result = await getResult(actor, id);
  return createResultOperation.json(result, { headers: { Location: `/api/v1/results/${encodeURIComponent(id)}` } });
});
