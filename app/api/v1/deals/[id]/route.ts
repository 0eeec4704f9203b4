import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { getDeal } from "@/lib/deals/get-deal";

// GET /api/v1/deals/{id} : the deal as the caller may see it, with its timeline and messages
// (404 for anyone outside the deal).
export const GET = withApi<{ id: string }>(async ({ actor, params }) => NextResponse.json(await getDeal(actor, params.id)));
