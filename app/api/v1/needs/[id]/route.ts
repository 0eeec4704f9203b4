import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { clientIpFrom } from "@/lib/http/client-ip";
import { viewNeed } from "@/lib/needs/view-need";
import { updateNeedSchema } from "@/lib/needs/schemas";
import { updateNeed } from "@/lib/needs/update-need";
import { parseOrThrow } from "@/lib/validation/parse-input";

type Params = { id: string };

// GET /api/v1/needs/{id} : 404 when the caller may not know the need exists; a teaser
// (access: "teaser", no description) when they may know it exists but not read it. Every read of
// a confidential need's full text is audited (one row per response).
export const GET = withApi<Params>(async ({ actor, params, request }) => {
  return NextResponse.json(await viewNeed(actor, params.id, { ip: clientIpFrom(request.headers), via: "api" }));
});

// PATCH /api/v1/needs/{id} : owner organisation only (others get 404 or 403); 409 when the need
// changed while this update was being written.
export const PATCH = withApi<Params>(async ({ actor, locale, params, request }) => {
  const patch = parseOrThrow(updateNeedSchema, await readJsonBody(request), locale);
  const ip = clientIpFrom(request.headers);
  const { id } = await updateNeed(actor, params.id, patch, locale, { ip });
  return NextResponse.json(await viewNeed(actor, id, { ip, via: "api" }));
});
