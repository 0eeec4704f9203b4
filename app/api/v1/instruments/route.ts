import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json";
import { readQuery } from "@/lib/api/read-query";
import { withApi } from "@/lib/api/with-api";
import { wordingKeys } from "@/lib/instruments/api";
import { AppError } from "@/lib/errors";
import { createInstrument, getInstrument } from "@/lib/instruments/instruments";
import { instrumentSchema, instrumentSearchSchema } from "@/lib/instruments/schemas";
import { searchInstruments } from "@/lib/instruments/search-index";
import { authorize } from "@/lib/policy";
import { parseOrThrow } from "@/lib/validation/parse-input";

// GET /api/v1/instruments?q=&category=&region=&maxPrice=&availableFrom=&availableTo=&page= : search.
export const GET = withApi(async ({ actor, locale, request }) => {
  return wordingKeys(locale, async () => {
    const query = readQuery(request, instrumentSearchSchema);
    const res = await searchInstruments(actor, query);
    if (!res.ok) throw new AppError("UNAVAILABLE", { key: "searchUnavailable", retryAfterSeconds: 30 });
    return NextResponse.json(res);
  });
});

// POST /api/v1/instruments : list an instrument of the caller's institution (201).
export const POST = withApi(async ({ actor, locale, request }) => {
  return wordingKeys(locale, async () => {
    authorize(actor, "instrument.create");
    const input = parseOrThrow(instrumentSchema, await readJsonBody(request));
    const { id } = await createInstrument(actor, input);
    return NextResponse.json(await getInstrument(actor, id), { status: 201, headers: { Location: `/api/v1/instruments/${encodeURIComponent(id)}` } });
  });
});
