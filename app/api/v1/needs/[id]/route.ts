import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getNeed } from "@/lib/needs/get-need";
import { updateNeedSchema } from "@/lib/needs/schemas";
import { updateNeed } from "@/lib/needs/update-need";
import { parseOrThrow } from "@/lib/validation/parse-input";

type Params = { id: string };

// GET /api/v1/needs/{id} : 404 when the caller may not know the need exists; a teaser
// (access: "teaser", no description) when they may know it exists but not read it.
export const GET = withApi<Params>(async ({ actor, params }) => {
  return NextResponse.json(await getNeed(actor, params.id));
});

// PATCH /api/v1/needs/{id} : owner organisation only (others get 404 or 403); 409 when the need
// changed while this update was being written.
export const PATCH = withApi<Params>(async ({ actor, locale, params, request }) => {
  const patch = parseOrThrow(updateNeedSchema, await readJsonBody(request), locale);
  const { id } = await updateNeed(actor, params.id, patch, locale);
  return NextResponse.json(await getNeed(actor, id));
});
