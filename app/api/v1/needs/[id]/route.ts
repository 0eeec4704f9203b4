import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getNeedOperation, updateNeedOperation } from "./openapi";
import { clientIpFrom } from "@/lib/http/client-ip";
import { viewNeed } from "@/lib/needs/view-need";
import { updateNeedSchema } from "@/lib/needs/schemas";
import { updateNeed } from "@/lib/needs/update-need";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";

type Params = { id: string };

// GET /api/v1/needs/{id} : 404 when the caller may not know the need exists; a teaser
// (access: "teaser", no description) when they may know it exists but not read it. Every read of
// a confidential need's full text is audited (one row per response).
export const GET = withApi<Params>(async ({ actor, params, request }) => {
  const need = await viewNeed(actor, params.id, { ip: clientIpFrom(request.headers), via: "api" });
  return getNeedOperation.json(need, { headers: { ETag: `"${need.version}"` } });
});

// PATCH /api/v1/needs/{id} : owner organisation only (others get 404 or 403); 409 when the need
// changed since the version named in If-Match (the ETag of GET), or while this update was written.
export const PATCH = withApi<Params>(async ({ actor, params, request }) => {
  const expectedVersion = parseIfMatch(request.headers.get("if-match"));
  const patch = parseOrThrow(updateNeedSchema, await readJsonBody(request));
  const ip = clientIpFrom(request.headers);
  const { id } = await updateNeed(actor, params.id, patch, { ip, expectedVersion });
  const need = await viewNeed(actor, id, { ip, via: "api" });
  return updateNeedOperation.json(need, { headers: { ETag: `"${need.version}"` } });
});

function parseIfMatch(header: string | null): number | undefined {
  if (!header || header.trim() === "*") return undefined;
  const match = header.match(/^\s*(?:W\/)?"(\d+)"\s*$/);
  if (!match) throw new AppError("BAD_REQUEST", { key: "api.ifMatch" });
  return Number(match[1]);
}
