import { z } from "zod";
import { readJsonBody } from "@/lib/api/read-json";
import { withApi } from "@/lib/api/with-api";
import { getInstrument, updateInstrument } from "@/lib/instruments/instruments";
import { instrumentSchema } from "@/lib/instruments/schemas";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { getInstrumentOperation, updateInstrumentOperation } from "./openapi";

// GET /api/v1/instruments/{id}
export const GET = withApi<{ id: string }>(async ({ actor, params }) => getInstrumentOperation.json(await getInstrument(actor, params.id)));

// PUT /api/v1/instruments/{id} : the whole instrument again, with the version read (409 when stale).
export const PUT = withApi<{ id: string }>(async ({ actor, params, request }) => {
  const { version, ...input } = parseOrThrow(instrumentSchema.extend({ version: z.coerce.number().int().min(1) }), await readJsonBody(request));
  await updateInstrument(actor, params.id, version, input);
  return updateInstrumentOperation.json(await getInstrument(actor, params.id));
});
