import { z } from "zod";
import { bookingTransitionSchemaForDocs } from "@/lib/instruments/api-schemas";
import {
  bookingListQuerySchema,
  bookingRequestBodySchema,
  instrumentSchema,
  instrumentSearchSchema,
  periodQuerySchema,
  sharingRateQuerySchema,
} from "@/lib/instruments/schemas";
import type { JsonSchema, ParameterObject, PathItem, ResponseObject } from "./openapi";

// The OpenAPI entries of the shared-instrument endpoints (issue 17), from the zod schemas the
// routes parse with. Kept in its own file; lib/api/openapi.ts spreads them into its paths.
type Ref = { $ref: string };

const toJson = (schema: z.ZodType): JsonSchema => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
    // zod writes the safe-integer range on every int(): noise in the document.
    override: ({ jsonSchema: j }) => {
      if (j.minimum === Number.MIN_SAFE_INTEGER) delete j.minimum;
      if (j.maximum === Number.MAX_SAFE_INTEGER) delete j.maximum;
    },
  }) as JsonSchema;
  void _s;
  return rest;
};
function params(schema: z.ZodObject): ParameterObject[] {
  const json = toJson(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query" as const,
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

export function instrumentPaths(
  responseRef: (id: string) => Ref,
  parameterRef: (id: string) => Ref,
  withBody: Record<string, Ref>,
  common: Record<string, Ref>,
): Record<string, PathItem> {
  const json = (schema: JsonSchema) => ({ "application/json": { schema } });
  const object = (description: string): ResponseObject => ({ description, content: json({ type: "object" }) });
  const body = (schema: z.ZodType) => ({ required: true, content: json(toJson(schema)) });
  const notFound = { "404": responseRef("NotFound") };
  const conflict = { "409": responseRef("Conflict") };
  const tags = ["Instruments"];
  const id = [parameterRef("id")];
  const searchQuery = instrumentSearchSchema as unknown as z.ZodObject;
  return {
    "/instruments": {
      get: {
        operationId: "searchInstruments",
        summary: "Search shared instruments",
        description:
          "Plain words in Chinese or English (what to measure, a name, a model), filtered by category (a first-level code such as 01 or a second-level one such as 0103), region, maximum external price and free time between availableFrom and availableTo.",
        tags,
        parameters: params(searchQuery),
        responses: {
          "200": object("{ ok, items, total, page, pageSize }"),
          "422": responseRef("ValidationFailed"),
          "503": responseRef("Unavailable"),
          ...common,
        },
      },
      post: {
        operationId: "createInstrument",
        summary: "List an instrument of your institution",
        description: "Members of an organisation (company or researcher accounts); the caller becomes its manager.",
        tags,
        requestBody: body(instrumentSchema),
        responses: { "201": object("the instrument"), ...withBody, "403": responseRef("Forbidden"), ...conflict, ...common },
      },
    },
    "/instruments/{id}": {
      get: {
        operationId: "getInstrument",
        summary: "An instrument",
        tags,
        parameters: id,
        responses: { "200": object("the instrument"), ...notFound, ...common },
      },
      put: {
        operationId: "updateInstrument",
        summary: "Replace an instrument's details",
        description: "Its manager or its institution's admins. Send the version you read: 409 when someone changed it meanwhile.",
        tags,
        parameters: id,
        requestBody: body(instrumentSchema.extend({ version: z.number().int().min(1) })),
        responses: { "200": object("the instrument"), ...withBody, ...notFound, ...conflict, ...common },
      },
    },
    "/instruments/{id}/calendar": {
      get: {
        operationId: "getInstrumentCalendar",
        summary: "Booked times and maintenance closures",
        description: "Without who booked them; 14 days from `from` by default, at most 92.",
        tags,
        parameters: [...id, ...params(periodQuerySchema)],
        responses: { "200": object("{ booked, closures, openingHours }"), ...notFound, ...common },
      },
    },
    "/instruments/{id}/bookings": {
      post: {
        operationId: "bookInstrument",
        summary: "Book a slot or request sample testing",
        description:
          "Overlapping bookings are refused by the database (an exclusion constraint), also when two are sent at the same moment: 409 with the message that the time is taken.",
        tags,
        parameters: id,
        requestBody: body(bookingRequestBodySchema),
        responses: { "201": object("the booking"), ...withBody, ...notFound, ...conflict, ...common },
      },
    },
    "/instruments/{id}/metrics": {
      get: {
        operationId: "getInstrumentMetrics",
        summary: "Sharing metrics of an instrument",
        description:
          "Hours available and used (internal, external), external sharing rate, external organisations served, median time to approval, satisfaction. Its institution, staff and analysts.",
        tags,
        parameters: [...id, ...params(periodQuerySchema)],
        responses: { "200": object("the metrics"), ...notFound, ...common },
      },
    },
    "/instruments/sharing-rates": {
      get: {
        operationId: "getSharingRates",
        summary: "External sharing rates by institution kind or region",
        tags,
        parameters: params(sharingRateQuerySchema as unknown as z.ZodObject),
        responses: { "200": object("{ groupBy, from, to, groups }"), "422": responseRef("ValidationFailed"), ...common },
      },
    },
    "/instruments/import": {
      post: {
        operationId: "importInstruments",
        summary: "Bulk import instruments from CSV or XLSX",
        description: "multipart/form-data with `file`; ?mode=validate (default), all-or-nothing or valid-only. The row report names every bad row and column.",
        tags,
        requestBody: {
          required: true,
          content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } } },
        },
        responses: {
          "200": object("{ report, written: false }"),
          "201": object("{ report, written: true, created, updated }"),
          ...withBody,
          "403": responseRef("Forbidden"),
          ...common,
        },
      },
    },
    "/instrument-bookings": {
      get: {
        operationId: "listInstrumentBookings",
        summary: "Your bookings, or those of the instruments you manage",
        tags,
        parameters: params(bookingListQuerySchema),
        responses: { "200": object("{ items }"), "422": responseRef("ValidationFailed"), ...common },
      },
    },
    "/instrument-bookings/{id}": {
      get: {
        operationId: "getInstrumentBooking",
        summary: "A booking (booker and managers)",
        tags,
        parameters: id,
        responses: { "200": object("the booking"), ...notFound, ...common },
      },
    },
    "/instrument-bookings/{id}/transitions": {
      post: {
        operationId: "transitionInstrumentBooking",
        summary: "Move a booking through its cycle",
        description:
          "requested -> approved / declined (reason) / proposed (startsAt, endsAt) -> completed (hoursUsed, fee) -> rated (rating); cancelled (booker free until the institution's deadline); no-show. Send the version you read.",
        tags,
        parameters: id,
        requestBody: body(bookingTransitionSchemaForDocs),
        responses: { "200": object("the booking"), ...withBody, "403": responseRef("Forbidden"), ...notFound, ...conflict, ...common },
      },
    },
  };
}
