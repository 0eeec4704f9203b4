import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { getResult } from "@/lib/results/get-result";

// GET /api/v1/results/{id} : 404 for another organisation's unpublished result.
export const GET = withApi<{ id: string }>(async ({ actor, params }) => {
  return NextResponse.json(await getResult(actor, params.id));
});
