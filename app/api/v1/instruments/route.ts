import { readJsonBody } from "@/lib/api/read-json";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { AppError } from "@/lib/errors";
import { createInstrument, getInstrument } from "@/lib/instruments/instruments";
import { instrumentSchema, instrumentSearchSchema } from "@/lib/instruments/schemas";
import { searchInstruments } from "@/lib/instruments/search-index";
import { authorize } from "@/lib/policy";
import { parseOrThrow } from "@/lib/validation/parse-input";
import { createInstrumentOperation, searchInstrumentsOperation } from "./openapi";

// GET /api/v1/instruments?q=&category=&region=&maxPrice=&availableFrom=&availableTo=&page= : search.
export const GET = withApi(async ({ actor, request }) => {
  const query = readQuery(request, instrumentSearchSchema);
  const res = await searchInstruments(actor, query);
  if (!res.ok) throw new AppError("UNAVAILABLE", { key: "searchUnavailable", retryAfterSeconds: 30 });
  return searchInstrumentsOperation.json(res);
});

// POST /api/v1/instruments : list an instrument of the caller's institution (201).
export const POST = withApi(async ({ actor, request }) => {
  authorize(actor, "instrument.create");
  const input = parseOrThrow(instrumentSchema, await readJsonBody(request));
  const { id } = await createInstrument(actor, input);
  return createInstrumentOperation.json(await getInstrument(actor, id), { headers: { Location: `/api/v1/instruments/${encodeURIComponent(id)}` } });
});
